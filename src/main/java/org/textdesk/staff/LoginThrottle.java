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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: {@value #MAX_FAILURES} failed logins for one username within
 * {@link #WINDOW} lock that username for {@link #LOCK}, whether or not an account has it (so the lock
 * says nothing about which accounts exist). The failures are rows in the database, so every instance
 * of TextDesk counts them together. Attempts refused while locked are not counted: the lock ends
 * {@link #LOCK} after the failure that caused it.
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

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Until when logins with this username are refused without looking at the password, if they are. */
    @Transactional(readOnly = true)
    public Optional<Instant> lockedUntil(String typedUsername) {
        Instant now = clock.instant();
        List<Instant> latest = latestFailures(key(typedUsername), now);
        if (latest.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        Instant lastFailure = latest.get(0);
        Instant oldestOfThem = latest.get(MAX_FAILURES - 1);
        boolean lockedByTheLast = oldestOfThem.isAfter(lastFailure.minus(WINDOW));
        Instant until = lastFailure.plus(LOCK);
        return lockedByTheLast && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    /** Counts a wrong password (or an unknown or disabled account) against the username, and says so in the log. */
    @Transactional
    public void recordFailure(String typedUsername) {
        String username = key(typedUsername);
        Instant now = clock.instant();
        jdbc.sql("delete from login_failures where failed_at < :before")
                .param("before", at(now.minus(WINDOW.plus(LOCK))))
                .update();
        jdbc.sql("insert into login_failures (username, failed_at) values (:username, :failedAt)")
                .param("username", username)
                .param("failedAt", at(now))
                .update();
        long recent = latestFailures(username, now).stream().filter(at -> at.isAfter(now.minus(WINDOW))).count();
        if (recent >= MAX_FAILURES) {
            log.warn("Failed login for username \"{}\": {} failures within {} minutes, so logins with it are "
                    + "locked for {} minutes", forLog(username), recent, WINDOW.toMinutes(), LOCK.toMinutes());
        } else {
            log.warn("Failed login for username \"{}\" ({} of the {} failures within {} minutes that lock it)",
                    forLog(username), recent, MAX_FAILURES, WINDOW.toMinutes());
        }
    }

    /** A successful login forgets the username's failures. */
    @Transactional
    public void recordSuccess(String typedUsername) {
        jdbc.sql("delete from login_failures where username = :username")
                .param("username", key(typedUsername))
                .update();
    }

    void logRefusal(String typedUsername, Instant until) {
        log.warn("Login for username \"{}\" refused without checking the password: locked until {}",
                forLog(key(typedUsername)), until);
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
