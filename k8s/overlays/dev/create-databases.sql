-- One database per service that keeps state in PostgreSQL: a service's store is private to it.
-- The names are the databases in each service's spring.datasource.url (deployment-checks verifies it).
-- The postgres image runs this once, when it initializes an empty data directory.
CREATE DATABASE order_command;
CREATE DATABASE payment;
CREATE DATABASE inventory;
CREATE DATABASE saga_orchestrator;
