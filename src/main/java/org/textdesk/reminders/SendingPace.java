package org.textdesk.reminders;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.textdesk.system.DatabaseProduct;

/**
 * The pace of automated sends, shared by every instance through one row (sending_pace): each send takes the next
 * free slot under a row lock, the slots {@code 1 / rate} apart (textdesk.sending.rate-per-second, Twilio's
 * messages per second for the account; 1, a single long code's, by default). A send whose slot is further off
 * than a moment does not take it and comes back then, so no scheduler thread sleeps long; a 429 from Twilio
 * pushes the next slot back for everyone.
 */
@Component
class SendingPace {

    /**
     * The share of the account's rate the pace uses. A send reaches Twilio some milliseconds after its slot (its
     * transaction, then the HTTP call), and that delay varies: at exactly the account's rate, send i+100 arrives
     * within one second of send i whenever it was delayed less, and Twilio answers 429. Three percent leaves a
     * hundred sends 30 ms of such jitter, within the 5% the reminders benchmark allows.
     */
    static final double HEADROOM = 0.97;

    /** How long a send may wait in its thread for its slot. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

    /** A slot taken (go at {@code at}), or none near (come back at {@code at}). */
    record Slot(boolean taken, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration interval;
    private final double intervalMicros;
    private final boolean postgres;

    SendingPace(JdbcTemplate jdbc, TransactionTemplate transaction, DatabaseProduct database,
            @Value("${textdesk.sending.rate-per-second:1}") double ratePerSecond) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("textdesk.sending.rate-per-second must be above 0");
        }
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.interval = Duration.ofNanos(Math.round(1_000_000_000d / (ratePerSecond * HEADROOM)));
        this.intervalMicros = interval.toNanos() / 1000d;
        this.postgres = database.isPostgres();
    }

    Slot take(Instant now) {
        // inside a caller's transaction the relaxed commit below would be that whole transaction's
        if (postgres && !TransactionSynchronizationManager.isActualTransactionActive()) {
            return takeInOneStatement(now);
        }
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

    /**
     * On PostgreSQL the slot is taken by one statement: the row is locked only while it runs, not across the
     * four round trips (count, select for update, update, commit) during which every other send of every
     * instance queued behind the lock; on a loaded machine each round trip takes milliseconds
     * (src/docs/performance.md, reminders).
     */
    private Slot takeInOneStatement(Instant now) {
        // The row stays locked until its commit is on disk (about 2 ms here, pg_test_fsync): every send of every
        // instance waits that long in turn. This statement's commit alone does not wait for the disk
        // (synchronous_commit off for its own transaction): a slot lost in a crash of PostgreSQL is a pace restarted
        // from a moment earlier, not a text lost or sent twice.
        List<Timestamp> taken = jdbc.queryForList("""
                update sending_pace set next_send_at = greatest(next_send_at, ?) + cast(? as double precision)
                    * interval '1 microsecond'
                from (select set_config('synchronous_commit', 'off', true)) as relaxed
                where id = 1 and next_send_at <= ?
                returning next_send_at - cast(? as double precision) * interval '1 microsecond'""", Timestamp.class,
                Timestamp.from(now), intervalMicros, Timestamp.from(now.plus(LONGEST_WAIT)), intervalMicros);
        if (!taken.isEmpty()) {
            return new Slot(true, taken.get(0).toInstant());
        }
        List<Timestamp> next = jdbc.queryForList("select next_send_at from sending_pace where id = 1",
                Timestamp.class);
        if (next.isEmpty()) {
            ensureRow(now);
            return takeInOneStatement(now);
        }
        return new Slot(false, next.get(0).toInstant());
    }

    /**
     * Twilio said too many: every slot not yet taken moves {@code pause} later, on every instance. Returns the next
     * free slot after the pause.
     */
    Instant holdFor(Duration pause, Instant now) {
        ensureRow(now);
        return transaction.execute(status -> {
            Instant next = lockedNext();
            Instant held = (next.isAfter(now) ? next : now).plus(pause);
            jdbc.update("update sending_pace set next_send_at = ? where id = 1", Timestamp.from(held));
            return held;
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
