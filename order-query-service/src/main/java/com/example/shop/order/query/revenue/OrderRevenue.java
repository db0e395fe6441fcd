package com.example.shop.order.query.revenue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one order contributes to the revenue report, a document in {@code order_revenue}:
 * its total once it is confirmed, and its refund. Each field comes from one event and is
 * only ever set to that event's value, so the document does not depend on the order in
 * which the events arrive or on how often. Amounts are stored as {@code Decimal128}.
 *
 * @param id the order id
 * @param currency ISO 4217 code of the order (from {@code OrderPlaced})
 * @param total the order total (from {@code OrderPlaced})
 * @param confirmedAt when {@code OrderConfirmed} happened, {@code null} while it has not
 * @param confirmedOn the UTC day of {@code confirmedAt}, {@code yyyy-MM-dd}
 * @param refundedAmount what {@code PaymentRefunded} gave back, {@code null} for no
 * refund (a refund of nothing is not recorded)
 * @param refundCurrency ISO 4217 code of the refund
 * @param refundedOn the UTC day of {@code refundedAt}, {@code yyyy-MM-dd}
 */
public record OrderRevenue(String id, String currency, BigDecimal total, Instant confirmedAt, String confirmedOn,
		BigDecimal refundedAmount, String refundCurrency, Instant refundedAt, String refundedOn) {

	/** The name of the projection that builds it, in {@code /projections/{name}}. */
	public static final String PROJECTION = "revenue-report";

	public static final String COLLECTION = "order_revenue";

}
