package org.textdesk.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.textdesk.texts.TwilioErrorCodes;
import org.textdesk.texts.TwilioErrorKinds;

/**
 * One run of a scheduled text's task: waits for quiet hours to end in the client's time, takes a slot of the
 * shared pace, then hands the text to sending's send path, which checks it again and claims it (state SENT with its
 * message row, one transaction) and waits for the slot right before Twilio is called. A lost answer is left to reconciliation; a temporary
 * refusal is tried again later with back-off (a 429 also slows every instance down); a permanent one is not.
 */
@Component
class ScheduledTextRun {

    /** Tries of one text in all, the first included. */
    static final int MOST_ATTEMPTS = 5;
    /** The pause after the first temporary refusal; each further one doubles it. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    /**
     * How much later every send goes after Twilio said 429 (too many requests) for a text the first time; doubled for
     * each further 429 of that text. A 429 at the account's pace means a few sends came closer together than the
     * window allows, not a flood: a tenth of a second lets them age out of it. Five seconds stopped a batch at 100 a
     * second for 500 sends' time on every such jitter, one second for 100 (src/docs/performance.md, reminders).
     */
    static final Duration FIRST_RATE_PAUSE = Duration.ofMillis(100);
    static final String QUIET_HOURS = "QUIET_HOURS";

    private static final Logger log = LoggerFactory.getLogger(ScheduledTextRun.class);
    private static final List<String> TOO_MANY = List.of("20429", TwilioErrorCodes.HTTP_429);

    private final ScheduledTextRows rows;
    private final ScheduledTextSender sender;
    private final ClientTimeZones timeZones;
    private final QuietHoursWindow quietHours;
    private final SendingPace pace;
    private final TwilioErrorKinds errorKinds;
    private final Clock clock;

    ScheduledTextRun(ScheduledTextRows rows, ScheduledTextSender sender, ClientTimeZones timeZones,
            QuietHoursWindow quietHours, SendingPace pace, TwilioErrorKinds errorKinds, Clock clock) {
        this.rows = rows;
        this.sender = sender;
        this.timeZones = timeZones;
        this.quietHours = quietHours;
        this.pace = pace;
        this.errorKinds = errorKinds;
        this.clock = clock;
    }

    /** Runs the text's task: empty when it is done with, else when to run it again. */
    Optional<Instant> run(ScheduledTextTask.Version task) {
        Optional<ScheduledTextRows.Due> found = rows.due(task.id())
                .filter(due -> ScheduledText.SCHEDULED.equals(due.state()) && due.version() == task.version());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ScheduledTextRows.Due due = found.get();
        Instant now = clock.instant();
        if (due.wanted().isAfter(now)) {
            return Optional.of(due.wanted());
        }
        // the client's cell and zone come with the text's row: one statement less for every send of a batch
        List<java.time.ZoneId> zones = timeZones.zonesOf(due.clientCell(), due.clientZoneOverride()).zones();
        QuietHours window = quietHours.current();
        if (!window.allows(now, zones)) {
            Instant opens = window.nextAllowed(now, zones);
            rows.waitFor(due.id(), due.version(), QUIET_HOURS, opens, now);
            return Optional.of(opens);
        }
        SendingPace.Slot slot = pace.take(now);
        if (!slot.taken()) {
            return Optional.of(slot.at());
        }
        return send(due, slot.at());
    }

    private Optional<Instant> send(ScheduledTextRows.Due due, Instant slot) {
        int attempt = due.attempts() + 1;
        ScheduledTextSender.SendResult result;
        try {
            result = sender.send(new ScheduledTextSender.DueText(due.id(), due.clientId(), due.caseId(), due.body(),
                    due.createdBy(), due.confirmNotSafe(), due.sendKey() + "-" + attempt), messageId -> {
                        if (!rows.claim(due.id(), due.version(), messageId, clock.instant())) {
                            throw new ClaimLost();
                        }
                    }, () -> pauseUntil(slot));
        } catch (ClaimLost changedMeanwhile) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        switch (result.kind()) {
            case HELD -> {
                rows.finish(due.id(), ScheduledText.HELD, result.reason(), now);
                log.info("Scheduled text {} held: {}", due.id(), result.reason());
                return Optional.empty();
            }
            case ACCEPTED, NO_ANSWER -> {
                log.info("Scheduled text {} sent as text {} ({})", due.id(), result.messageId(), result.kind());
                return Optional.empty();
            }
            default -> {
                return notSent(due, attempt, result.reason(), now);
            }
        }
    }

    private Optional<Instant> notSent(ScheduledTextRows.Due due, int attempt, String errorCode, Instant now) {
        if (TwilioErrorCodes.STOPPED.equals(errorCode)) {
            rows.finish(due.id(), ScheduledText.HELD, "reminders.held.stopped", now);
            return Optional.empty();
        }
        if (!"temporary".equals(errorKinds.kind(errorCode)) || attempt >= MOST_ATTEMPTS) {
            rows.finish(due.id(), ScheduledText.FAILED, errorCode, now);
            log.info("Scheduled text {} failed after {} tries: {}", due.id(), attempt, errorCode);
            return Optional.empty();
        }
        Instant again;
        if (TOO_MANY.contains(errorCode)) {
            // not refused for what it is, only for when: it goes again as soon as the pace lets anything go
            again = pace.holdFor(FIRST_RATE_PAUSE.multipliedBy(1L << (attempt - 1)), now);
        } else {
            again = now.plus(FIRST_RETRY.multipliedBy(1L << (attempt - 1)));
        }
        rows.retryLater(due.id(), again, errorCode, now);
        log.info("Scheduled text {} not sent ({}); trying again at {}", due.id(), errorCode, again);
        return Optional.of(again);
    }

    /**
     * Waits for the text's slot once it is claimed and its row written, right before Twilio is called: the wait
     * absorbs the claim's transaction (5-50 ms, differently each time), so a text reaches Twilio its HTTP call's time
     * after its slot. Waiting before the claim, that transaction's jitter made sends i and i+100 arrive within one
     * second, and Twilio's one-second window answered 429.
     */
    private void pauseUntil(Instant slot) {
        long millis = Duration.between(clock.instant(), slot).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(Math.min(millis, SendingPace.LONGEST_WAIT.toMillis()));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The text was changed, cancelled or claimed between reading it and claiming it: nothing was written. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost() {
            super("scheduled text changed meanwhile", null, false, false);
        }
    }
}
