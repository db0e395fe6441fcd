package com.example.shop.inventory.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A positive quantity of one product.
 */
public record SkuQuantity(Sku sku, int quantity) {

	public SkuQuantity {
		if (sku == null) {
			throw new InvalidStockException("sku", "is required");
		}
		if (quantity <= 0) {
			throw new InvalidStockException("quantity", "must be positive");
		}
	}

	/**
	 * One line per SKU, in the order each SKU first appears, with the quantities of its
	 * lines added up.
	 * @throws InvalidStockException when there is no line, or a sum exceeds an
	 * {@code int}
	 */
	public static List<SkuQuantity> merge(List<SkuQuantity> lines) {
		if (lines == null || lines.isEmpty()) {
			throw new InvalidStockException("lines", "must not be empty");
		}
		Map<Sku, Integer> merged = new LinkedHashMap<>();
		for (SkuQuantity line : lines) {
			merged.merge(line.sku(), line.quantity(), (a, b) -> {
				try {
					return Math.addExact(a, b);
				}
				catch (ArithmeticException ex) {
					throw new InvalidStockException("quantity", "of " + line.sku() + " is too large");
				}
			});
		}
		return merged.entrySet().stream().map((e) -> new SkuQuantity(e.getKey(), e.getValue())).toList();
	}

}
