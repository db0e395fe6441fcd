package com.example.shop.platform.testsupport;

/**
 * How a test reaches its PostgreSQL database.
 *
 * @param jdbcUrl the database's JDBC URL
 * @param username the user
 * @param password the password, empty for trust authentication
 */
public record PostgresEndpoint(String jdbcUrl, String username, String password) {

}
