package com.example.shop.platform.eventing.deadletter;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import com.example.shop.platform.eventing.deadletter.DeadLetter.Disposition;
import org.jspecify.annotations.Nullable;

/**
 * Where a service records what its operators decided about its dead letters: in
 * PostgreSQL ({@link JdbcDispositions}) or MongoDB ({@link MongoDispositions}), whichever
 * the service has. A record is decided once: {@link #claim} is atomic, so of two
 * operators (or two instances) redriving the same record at once, one wins.
 */
public interface Dispositions {

	/**
	 * Records the decision unless the record has one. A redrive claimed but not completed
	 * before {@code takeOverBefore} (its instance died while sending) may be claimed
	 * again; none may be when it is {@code null}.
	 * @return whether this decision is now the record's
	 */
	boolean claim(Position position, Disposition disposition, @Nullable Instant takeOverBefore);

	/**
	 * Marks a claimed redrive done, the broker having the record, if the claim is still
	 * this one.
	 * @return whether it was: {@code false} when another instance took it over meanwhile
	 */
	boolean complete(Position position, Disposition claim);

	/**
	 * Withdraws a claimed redrive that could not be sent, if the claim is still this one.
	 */
	void release(Position position, Disposition claim);

	/**
	 * The decisions about these offsets of one partition, by offset.
	 */
	Map<Long, Disposition> find(String deadLetterTopic, int partition, Collection<Long> offsets);

	/**
	 * Forgets the decisions about the records of one partition before {@code offset}: the
	 * broker has deleted those records (the topic's retention), so nobody can ask about
	 * them again.
	 */
	void forgetBefore(String deadLetterTopic, int partition, long offset);

	/**
	 * A record of a dead-letter topic.
	 */
	record Position(String deadLetterTopic, int partition, long offset) {

	}

}
