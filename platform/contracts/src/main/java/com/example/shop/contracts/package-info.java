/**
 * The published language between services: integration events and commands as records of
 * JDK types only, with no behaviour, and the topics they travel on. Changes are additive
 * only: a consumer ignores fields it does not know, and a field is never renamed or
 * removed. Domain events stay private to their service.
 */
package com.example.shop.contracts;
