/**
 * Benchmarks that run against real PostgreSQL and Kafka from
 * {@code platform/local-stack}, each measured beside a raw baseline in the same run and
 * reported as the median of several runs. Results and the command to reproduce them are
 * in {@code docs/benchmarks.md}.
 */
package com.example.shop.benchmarks;
