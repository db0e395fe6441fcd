package com.example.shop.saga.domain;

import java.time.Instant;

/**
 * One line of a saga's step history.
 *
 * @param at when
 * @param step the step the saga was at
 * @param attempt the attempt of that step
 * @param event what happened: a command sent, a reply received, a deadline passed
 */
public record HistoryEntry(Instant at, Step step, int attempt, String event) {

}
