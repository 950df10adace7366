package org.textdesk.status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.textdesk.system.NotFoundException;
import org.textdesk.texts.MessageStatus;
import org.textdesk.texts.TextMessage;
import org.textdesk.texts.TwilioErrorCodes;
import org.textdesk.twilio.TwilioGateway;
import org.textdesk.twilio.TwilioLookupException;
import org.textdesk.twilio.TwilioMessage;
import org.textdesk.twilio.TwilioSetup;
import org.textdesk.twiliosetup.TwilioSetupService;

/**
 * Asks Twilio about texts whose status has not settled, because Twilio does not promise that every
 * status callback arrives; what it learns is recorded by the same rules as a callback
 * ({@link StatusReports}). Used by the clustered job ({@link StatusReconciliationJob}) and by the
 * "Refresh status" action of a text's page. No transaction is held while Twilio is asked.
 *
 * <p>Which texts: sent texts up to {@link #LOOK_BACK} old whose status is not final.
 * <ul>
 * <li>With a Twilio SID, from {@link #SETTLE_AFTER} old: fetched by SID. Texts stuck at "sent" (phone
 * companies that never report delivery) are asked about less and less often: again only after as long
 * as the text was old when last asked (30 min, 1 h, 2 h, 4 h...), at least {@link #MIN_RECHECK} apart.</li>
 * <li>Without one, because the answer to the send was lost ("unknown") or never recorded ("pending": the
 * instance that sent it was stopped or killed, or the database failed after Twilio accepted it), from
 * {@link #LOST_SEND_FIRST_SEARCH} old, when no send can still be under way: Twilio's list of messages from the
 * Twilio number to the client's number sent since the day before is searched for the same body, created within
 * {@link #MATCH_WINDOW} of the text and not yet known to TextDesk. Found: its SID and status are
 * recorded. Not found once the text is {@link #SETTLE_AFTER} old: it is marked "not_sent" with error
 * code NOT-FOUND, which allows Retry. A text Twilio has not yet sent has no send date, so it may be
 * missed until it is sent; 30 minutes leaves Twilio ample time to send it.</li>
 * </ul>
 */
@Service
public class StatusReconciliation {

    /** What "Refresh status" found out. */
    public enum Refresh {
        /** Twilio was asked and the status moved; the new status is given. */
        CHANGED,
        /** Twilio was asked and nothing new was learnt. */
        UNCHANGED,
        /** A text without a SID that Twilio has no record of yet: ask again later. */
        NOT_FOUND_YET,
        /** A text without a SID that Twilio has no record of after 30 minutes: now marked not sent. */
        NOT_SENT,
        /** Twilio does not know the text's SID (any more). */
        UNKNOWN_AT_TWILIO,
        /** Twilio could not be asked (network, error answer). */
        UNAVAILABLE,
        /** Twilio Setup has no Account SID or readable Auth Token. */
        NOT_SET_UP,
        /** An incoming text: there is no status to ask about. */
        NOT_APPLICABLE
    }

    public record RefreshResult(Refresh outcome, String status) {
    }

    static final Duration SETTLE_AFTER = Duration.ofMinutes(30);
    static final Duration LOOK_BACK = Duration.ofDays(3);
    static final Duration MIN_RECHECK = Duration.ofMinutes(5);
    /**
     * A lost send is first searched for after this: Twilio has created and usually sent it, and no request can still
     * be sending it (the gateway's timeouts and the recording's retries take seconds).
     */
    static final Duration LOST_SEND_FIRST_SEARCH = Duration.ofMinutes(2);
    static final Duration MATCH_WINDOW = Duration.ofMinutes(10);
    static final int BATCH = 500;
    static final int LIST_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(StatusReconciliation.class);

    private static final String SELECT = """
            select id, direction, twilio_sid, client_id, to_number, from_number, body, status, created_at,
                status_checked_at
            from text_messages""";

    private final JdbcTemplate jdbc;
    private final StatusReports statusReports;
    private final TwilioSetupService setupService;
    private final TwilioGateway gateway;
    private final TransactionTemplate transaction;
    private final Clock clock;

    StatusReconciliation(JdbcTemplate jdbc, StatusReports statusReports, TwilioSetupService setupService,
            TwilioGateway gateway, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.statusReports = statusReports;
        this.setupService = setupService;
        this.gateway = gateway;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Asks Twilio now about one text, whatever its age and however recently it was asked about.
     *
     * @throws NotFoundException when there is no such text
     */
    public RefreshResult refreshStatus(long messageId) {
        OpenText text = jdbc.query(SELECT + " where id = ?", StatusReconciliation::openText, messageId).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("text", messageId));
        if (!TextMessage.Direction.OUTBOUND.name().equals(text.direction())) {
            return new RefreshResult(Refresh.NOT_APPLICABLE, text.status());
        }
        Optional<TwilioSetup> setup = askable(setupService.currentSetup());
        if (setup.isEmpty()) {
            return new RefreshResult(Refresh.NOT_SET_UP, text.status());
        }
        Refresh outcome = check(setup.get(), text, clock.instant());
        return new RefreshResult(outcome, currentStatus(messageId));
    }

    /** One run of the job: status reports kept early, then every text that is due, oldest first. */
    void reconcile() {
        statusReports.applyOrExpireEarlyReports();
        Optional<TwilioSetup> setup = askable(setupService.currentSetup());
        if (setup.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<OpenText> due = jdbc.query(SELECT + " where direction = 'OUTBOUND' and status_rank < 3"
                + " and created_at >= ? and created_at <= ? order by created_at limit " + BATCH,
                StatusReconciliation::openText,
                utc(now.minus(LOOK_BACK)), utc(now.minus(LOST_SEND_FIRST_SEARCH))).stream()
                .filter(text -> isDue(text, now)).toList();
        int changed = 0;
        int notSent = 0;
        int unavailable = 0;
        for (OpenText text : due) {
            Refresh outcome;
            try {
                outcome = check(setup.get(), text, now);
            } catch (RuntimeException unexpected) {
                log.warn("Status reconciliation of text {} failed: {}", text.id(), unexpected.toString());
                outcome = Refresh.UNAVAILABLE;
            }
            switch (outcome) {
                case CHANGED -> changed++;
                case NOT_SENT -> notSent++;
                case UNAVAILABLE -> unavailable++;
                default -> { }
            }
        }
        if (!due.isEmpty()) {
            log.info("Status reconciliation asked Twilio about {} text(s): {} changed, {} marked not sent, {} could "
                    + "not be asked", due.size(), changed, notSent, unavailable);
        }
    }

    /** Whether the job should ask about this text now (see the class comment). */
    static boolean isDue(OpenText text, Instant now) {
        Duration age = Duration.between(text.createdAt(), now);
        if (text.sid() == null) {
            return (MessageStatus.UNKNOWN.equals(text.status()) || MessageStatus.PENDING.equals(text.status()))
                    && age.compareTo(LOST_SEND_FIRST_SEARCH) >= 0;
        }
        if (age.compareTo(SETTLE_AFTER) < 0) {
            return false;
        }
        if (text.checkedAt() == null) {
            return true;
        }
        Duration ageWhenChecked = Duration.between(text.createdAt(), text.checkedAt());
        Duration wait = ageWhenChecked.compareTo(MIN_RECHECK) > 0 ? ageWhenChecked : MIN_RECHECK;
        return !now.isBefore(text.checkedAt().plus(wait));
    }

    private Refresh check(TwilioSetup setup, OpenText text, Instant now) {
        if (text.sid() != null) {
            return fetchBySid(setup, text, now);
        }
        if (MessageStatus.UNKNOWN.equals(text.status()) || MessageStatus.PENDING.equals(text.status())) {
            return searchLostSend(setup, text, now);
        }
        return Refresh.UNCHANGED;
    }

    private Refresh fetchBySid(TwilioSetup setup, OpenText text, Instant now) {
        Optional<TwilioMessage> answer;
        try {
            answer = gateway.fetchMessage(setup, text.sid());
        } catch (TwilioLookupException unavailable) {
            log.info("Status reconciliation of text {}: {}", text.id(), unavailable.getMessage());
            return Refresh.UNAVAILABLE;
        }
        Boolean recorded = transaction.execute(tx -> {
            jdbc.update("update text_messages set status_checked_at = ? where id = ?", utc(now), text.id());
            return answer.filter(message -> message.status() != null)
                    .map(message -> statusReports.record(text.id(), text.clientId(), message.status(),
                            message.errorCode(), null))
                    .orElse(false);
        });
        if (answer.isEmpty()) {
            log.info("Status reconciliation: Twilio does not know {} of text {}", text.sid(), text.id());
            return Refresh.UNKNOWN_AT_TWILIO;
        }
        return Boolean.TRUE.equals(recorded) && !text.status().equals(currentStatus(text.id())) ? Refresh.CHANGED
                : Refresh.UNCHANGED;
    }

    private Refresh searchLostSend(TwilioSetup setup, OpenText text, Instant now) {
        List<TwilioMessage> candidates;
        try {
            candidates = gateway.listMessages(setup, text.to(), text.from(), text.createdAt().minus(Duration.ofDays(1)),
                    LIST_LIMIT);
        } catch (TwilioLookupException unavailable) {
            log.info("Status reconciliation of text {}: {}", text.id(), unavailable.getMessage());
            return Refresh.UNAVAILABLE;
        }
        Optional<TwilioMessage> match = candidates.stream()
                .filter(candidate -> candidate.sid() != null && sameBody(text.body(), candidate.body()))
                .filter(candidate -> candidate.dateCreated() == null
                        || Duration.between(text.createdAt(), candidate.dateCreated()).abs().compareTo(MATCH_WINDOW) <= 0)
                .filter(candidate -> !isKnownSid(candidate.sid()))
                .min(Comparator.comparing(candidate -> candidate.dateCreated() == null ? Duration.ofDays(1)
                        : Duration.between(text.createdAt(), candidate.dateCreated()).abs()));
        if (match.isPresent()) {
            return recordFound(text, match.get(), now);
        }
        if (Duration.between(text.createdAt(), now).compareTo(SETTLE_AFTER) < 0) {
            return Refresh.NOT_FOUND_YET;
        }
        Boolean marked = transaction.execute(tx -> {
            List<Integer> stillLost = jdbc.queryForList("""
                    select status_rank from text_messages where id = ? and twilio_sid is null and status_rank < 0
                    for update""", Integer.class, text.id());
            if (stillLost.isEmpty()) {
                return false;
            }
            jdbc.update("update text_messages set status_checked_at = ? where id = ?", utc(now), text.id());
            return statusReports.record(text.id(), text.clientId(), MessageStatus.NOT_SENT, TwilioErrorCodes.NOT_FOUND,
                    null);
        });
        if (Boolean.TRUE.equals(marked)) {
            log.info("Status reconciliation: Twilio has no record of text {} ({}) after {} minutes; marked not sent",
                    text.id(), text.status(), SETTLE_AFTER.toMinutes());
            return Refresh.NOT_SENT;
        }
        return Refresh.UNCHANGED;
    }

    private Refresh recordFound(OpenText text, TwilioMessage found, Instant now) {
        try {
            Boolean claimed = transaction.execute(tx -> {
                int updated = jdbc.update("""
                        update text_messages set twilio_sid = ?, status_checked_at = ? where id = ? and twilio_sid is null""",
                        found.sid(), utc(now), text.id());
                if (updated == 0) {
                    return false;
                }
                if (found.status() != null) {
                    statusReports.record(text.id(), text.clientId(), found.status(), found.errorCode(), null);
                }
                return true;
            });
            if (!Boolean.TRUE.equals(claimed)) {
                return Refresh.UNCHANGED;
            }
            statusReports.applyEarlyReports(text.id(), text.clientId(), found.sid());
        } catch (DataIntegrityViolationException sidTakenMeanwhile) {
            log.warn("Status reconciliation: {} found for text {} is already another text's SID", found.sid(),
                    text.id());
            return Refresh.UNCHANGED;
        }
        log.info("Status reconciliation: text {} ({}) found at Twilio as {} with status {}", text.id(), text.status(),
                found.sid(), found.status());
        return Refresh.CHANGED;
    }

    /** Twilio keeps the body as sent; a trial account puts its notice in front. */
    private static boolean sameBody(String ours, String twilios) {
        return twilios != null && (twilios.equals(ours) || (!ours.isEmpty() && twilios.endsWith(ours)));
    }

    private boolean isKnownSid(String sid) {
        Integer known = jdbc.queryForObject("select count(*) from text_messages where twilio_sid = ?", Integer.class,
                sid);
        return known != null && known > 0;
    }

    private String currentStatus(long messageId) {
        return jdbc.queryForObject("select status from text_messages where id = ?", String.class, messageId);
    }

    private static Optional<TwilioSetup> askable(TwilioSetup setup) {
        boolean complete = setup.accountSid() != null && !setup.accountSid().isBlank() && setup.authToken() != null;
        return complete ? Optional.of(setup) : Optional.empty();
    }

    /** A text as reconciliation sees it. */
    record OpenText(long id, String direction, String sid, Long clientId, String to, String from, String body,
            String status, Instant createdAt, Instant checkedAt) {
    }

    private static OpenText openText(ResultSet row, int n) throws SQLException {
        return new OpenText(row.getLong("id"), row.getString("direction"), row.getString("twilio_sid"),
                row.getObject("client_id", Long.class), row.getString("to_number"), row.getString("from_number"),
                row.getString("body"), row.getString("status"), instant(row, "created_at"),
                instant(row, "status_checked_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
