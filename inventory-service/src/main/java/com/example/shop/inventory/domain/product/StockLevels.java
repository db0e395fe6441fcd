package com.example.shop.inventory.domain.product;

/**
 * The stock of one product. Always {@code available + reserved + shipped = received}, and
 * none is negative.
 *
 * @param available on the shelf, free to reserve
 * @param reserved held for orders
 * @param shipped left the shelf for orders' shipments
 * @param received every unit ever received: the initial stock and all restocks
 */
public record StockLevels(int available, int reserved, int shipped, int received) {

	public static final StockLevels NONE = new StockLevels(0, 0, 0, 0);

}
