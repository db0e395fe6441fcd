/**
 * The end-to-end benchmark: an open-loop load generator that places orders at a fixed
 * arrival rate against a running stack ({@code ./stack up}), measures each saga from the
 * order's intended start to its terminal event on {@code orders.events} (free of
 * coordinated omission), reads the projection lag and the CPU and memory of every process
 * of the stack, and searches the highest sustainable rate. The pure parts (schedule,
 * scenario mix, percentiles, {@code /proc} parsing, the sustainability criterion and the
 * rate search) are unit-tested; results and the commands are in
 * {@code docs/benchmarks.md}.
 */
package com.example.shop.benchmarks.endtoend;
