/**
 * The operations console. Server-rendered pages (Thymeleaf, with htmx for the parts that
 * refresh themselves) over the five services' REST APIs, called with the signed-in
 * operator's own access token ({@link com.example.shop.console.Services}): Overview,
 * Order, Sagas, Dead letters and Projections. Only people with the operations role sign
 * in ({@link com.example.shop.console.SecurityConfiguration}).
 */
package com.example.shop.console;
