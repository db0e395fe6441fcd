/**
 * The saga's REST API for operators: read a saga with its step history and timings,
 * search sagas by order and state, and resume one parked in {@code COMPENSATION_FAILED}.
 */
package com.example.shop.saga.adapter.web;
