package com.example.shop.order.query.projection;

import java.time.Instant;

import com.example.shop.order.query.projection.ProjectionCatalog.Pointer;

/**
 * Where the catalog keeps its pointers, one per projection, shared by every instance: the
 * engine's port, implemented in {@code adapter.persistence}. Each change is one atomic
 * update of one pointer.
 */
public interface PointerStore {

	/**
	 * The projection's pointer, {@code null} when it has none yet.
	 */
	Pointer find(String projection);

	/**
	 * Stores the pointer unless the projection has one already (another instance may have
	 * created it first).
	 */
	void createIfAbsent(Pointer pointer);

	/**
	 * Marks a {@code LIVE} projection as {@code REBUILDING} into the collection.
	 * @return whether it was {@code LIVE}, so that this call started the rebuild
	 */
	boolean startRebuild(String projection, String collection);

	/**
	 * Points the projection at the collection, counts a generation, and marks it
	 * {@code LIVE}.
	 */
	void switchTo(String projection, String collection, Instant at);

	/**
	 * Marks the projection {@code LIVE} again, on the collection it had.
	 */
	void abandonRebuild(String projection);

}
