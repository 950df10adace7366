package org.textdesk.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.system.DatabaseProduct;

/**
 * Slows down password guessing: {@value #MAX_FAILURES} failed logins for one username within
 * {@link #WINDOW} lock that username for {@link #LOCK}, whether or not an account has it (so the lock
 * says nothing about which accounts exist). The failures are rows in the database, so every instance
 * of TextDesk counts them together. Attempts refused while locked are not counted: the lock ends
 * {@link #LOCK} after the failure that caused it.
 *
 * <p>A guess is {@linkplain #reserve reserved} (counted as a failure) before its password is checked, under a
 * row lock on the username held only for that: checking first and counting afterwards let thirty parallel
 * guesses all pass the check before any was counted. So at most {@value #MAX_FAILURES} passwords are checked
 * per username and window, however many arrive at once and on however many instances. A right password is
 * not counted, but does not forgive the failures before it either.
 *
 * <p>Only the username is ever logged, never what was typed as the password.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int USERNAME_COLUMN = 64;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String lockUsernameRow;

    LoginThrottle(JdbcClient jdbc, Clock clock, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.clock = clock;
        // Both take the row lock (inserting the row first if need be) until the transaction ends.
        this.lockUsernameRow = database.isPostgres()
                ? """
                  insert into login_throttle_keys (username, last_reserved_at) values (:username, :now)
                  on conflict (username) do update set last_reserved_at = excluded.last_reserved_at"""
                : "merge into login_throttle_keys key (username) values (:username, :now)";
    }

    /** A guess counted before its password is checked: its row in login_failures. */
    record Reservation(String username, long id) {
    }

    /**
     * Counts a guess against the username unless it is locked; the caller checks the password only with a
     * reservation and then says how it went ({@link #failed}, {@link #succeeded}).
     *
     * @throws LoginLockedException when the username is locked: the password must not be checked
     */
    @Transactional
    public Reservation reserve(String typedUsername) {
        String username = key(typedUsername);
        Instant now = clock.instant();
        jdbc.sql(lockUsernameRow).param("username", username).param("now", at(now)).update();
        Optional<Instant> lockedUntil = lockedUntil(latestFailures(username, now), now);
        if (lockedUntil.isPresent()) {
            log.warn("Login for username \"{}\" refused without checking the password: locked until {}",
                    forLog(username), lockedUntil.get());
            throw new LoginLockedException();
        }
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("insert into login_failures (username, failed_at, checking) values (:username, :failedAt, true)")
                .param("username", username)
                .param("failedAt", at(now))
                .update(id, "id");
        return new Reservation(username, id.getKeyAs(Long.class));
    }

    /** The password was wrong (or the account unknown or disabled): the reserved guess stays counted. */
    @Transactional
    public void failed(Reservation guess) {
        Instant now = clock.instant();
        jdbc.sql("update login_failures set checking = false where id = :id").param("id", guess.id()).update();
        // Here, not in reserve(): deleting other usernames' rows while holding one's own lock could deadlock.
        forgetOldGuesses(now);
        long recent = latestFailures(guess.username(), now).stream()
                .filter(at -> at.isAfter(now.minus(WINDOW))).count();
        if (recent >= MAX_FAILURES) {
            log.warn("Failed login for username \"{}\": {} failures within {} minutes, so logins with it are "
                    + "locked for {} minutes", forLog(guess.username()), recent, WINDOW.toMinutes(), LOCK.toMinutes());
        } else {
            log.warn("Failed login for username \"{}\" ({} of the {} failures within {} minutes that lock it)",
                    forLog(guess.username()), recent, MAX_FAILURES, WINDOW.toMinutes());
        }
    }

    /**
     * The right password: its own guess is not counted. Earlier failures still are, for their fifteen minutes:
     * forgetting them let the guesses that arrived after a right one among thirty parallel ones be checked too.
     */
    @Transactional
    public void succeeded(Reservation guess) {
        jdbc.sql("delete from login_failures where id = :id").param("id", guess.id()).update();
    }

    private static Optional<Instant> lockedUntil(List<Instant> latest, Instant now) {
        if (latest.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        Instant lastFailure = latest.get(0);
        Instant oldestOfThem = latest.get(MAX_FAILURES - 1);
        boolean lockedByTheLast = oldestOfThem.isAfter(lastFailure.minus(WINDOW));
        Instant until = lastFailure.plus(LOCK);
        return lockedByTheLast && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    private void forgetOldGuesses(Instant now) {
        OffsetDateTime before = at(now.minus(WINDOW.plus(LOCK)));
        jdbc.sql("delete from login_failures where failed_at < :before").param("before", before).update();
        jdbc.sql("delete from login_throttle_keys where last_reserved_at < :before").param("before", before).update();
    }

    private List<Instant> latestFailures(String username, Instant now) {
        return jdbc.sql("""
                        select failed_at from login_failures
                        where username = :username and failed_at > :since
                        order by failed_at desc limit :limit""")
                .param("username", username)
                .param("since", at(now.minus(WINDOW.plus(LOCK))))
                .param("limit", MAX_FAILURES)
                .query((row, n) -> row.getObject(1, OffsetDateTime.class).toInstant())
                .list();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Usernames are not case-sensitive and no account has more than 64 characters. */
    static String key(String typedUsername) {
        String username = typedUsername == null ? "" : typedUsername.strip().toLowerCase(Locale.ROOT);
        return username.length() <= USERNAME_COLUMN ? username : username.substring(0, USERNAME_COLUMN);
    }

    /** What was typed, with no way to forge a log line: control characters become '?'. */
    private static String forLog(String username) {
        return username.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
