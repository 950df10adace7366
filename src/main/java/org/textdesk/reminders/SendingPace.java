package org.textdesk.reminders;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pace of automated sends, shared by every instance through one row (sending_pace): each send takes the next
 * free slot under a row lock, the slots {@code 1 / rate} apart (textdesk.sending.rate-per-second, Twilio's
 * messages per second for the account; 1, a single long code's, by default). A send whose slot is further off
 * than a moment does not take it and comes back then, so no scheduler thread sleeps long; a 429 from Twilio
 * pushes the next slot back for everyone.
 */
@Component
class SendingPace {

    /** How long a send may wait in its thread for its slot. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    /** A slot taken (go at {@code at}), or none near (come back at {@code at}). */
    record Slot(boolean taken, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration interval;

    SendingPace(JdbcTemplate jdbc, TransactionTemplate transaction,
            @Value("${textdesk.sending.rate-per-second:1}") double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("textdesk.sending.rate-per-second must be above 0");
        }
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.interval = Duration.ofNanos(Math.round(1_000_000_000d / ratePerSecond));
    }

    Duration interval() {
        return interval;
    }

    Slot take(Instant now) {
        ensureRow(now);
        return transaction.execute(status -> {
            Instant next = lockedNext();
            Instant slot = next.isAfter(now) ? next : now;
            if (slot.isAfter(now.plus(LONGEST_WAIT))) {
                return new Slot(false, slot);
            }
            jdbc.update("update sending_pace set next_send_at = ? where id = 1", Timestamp.from(slot.plus(interval)));
            return new Slot(true, slot);
        });
    }

    /** Twilio said too many: no send on any instance before {@code until}. */
    void holdUntil(Instant until) {
        ensureRow(until);
        transaction.executeWithoutResult(status -> {
            if (lockedNext().isBefore(until)) {
                jdbc.update("update sending_pace set next_send_at = ? where id = 1", Timestamp.from(until));
            }
        });
    }

    private Instant lockedNext() {
        return jdbc.queryForObject("select next_send_at from sending_pace where id = 1 for update", Timestamp.class)
                .toInstant();
    }

    /** The row is made on first use (outside any transaction: a lost race must not spoil one). */
    private void ensureRow(Instant now) {
        if (jdbc.queryForObject("select count(*) from sending_pace where id = 1", Integer.class) == 0) {
            try {
                jdbc.update("insert into sending_pace (id, next_send_at) values (1, ?)", Timestamp.from(now));
            } catch (DuplicateKeyException madeByAnotherInstance) {
                // the other instance made it: the same row
            }
        }
    }
}
