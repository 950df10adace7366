package org.textdesk.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One run of the daily retention job ({@link RetentionJob}): with the settings as saved now, removes the bodies and
 * pictures older than the months kept, then deletes final texts at Twilio when that is on. It logs counts only,
 * never a body, a number or a name.
 */
@Component
class RetentionRun {

    private static final Logger log = LoggerFactory.getLogger(RetentionRun.class);

    private final RetentionSettings settings;
    private final BodyRedaction redaction;
    private final TwilioDeletion twilioDeletion;
    private final Clock clock;

    RetentionRun(RetentionSettings settings, BodyRedaction redaction, TwilioDeletion twilioDeletion, Clock clock) {
        this.settings = settings;
        this.redaction = redaction;
        this.twilioDeletion = twilioDeletion;
        this.clock = clock;
    }

    /** What one run did (null parts: not done, by the settings). */
    record Outcome(BodyRedaction.Removed removed, TwilioDeletion.Deleted atTwilio) {
    }

    Outcome run() {
        RetentionPolicy policy = settings.current();
        Instant now = clock.instant();
        BodyRedaction.Removed removed = null;
        if (policy.keep().forever()) {
            log.info("Retention: message bodies and pictures are kept forever; nothing removed");
        } else {
            int months = policy.keep().months();
            removed = redaction.redactCreatedBefore(policy.keep().cutoff(now), months);
            log.info("Retention: {} and {} removed (older than {})", counted(removed.bodies(), "body", "bodies"),
                    counted(removed.pictures(), "picture", "pictures"), counted(months, "month", "months"));
            long planned = redaction.redactPlannedBefore(policy.keep().cutoff(now), months);
            log.info("Retention: the words of {} removed (scheduled texts no longer waiting, group texts as typed, "
                    + "appointment notes)", counted(planned, "planned text or note", "planned texts and notes"));
        }
        TwilioDeletion.Deleted atTwilio = null;
        if (policy.deleteAtTwilio()) {
            atTwilio = twilioDeletion.deleteFinalTexts(now);
            if (atTwilio == null) {
                log.info("Retention: no texts deleted at Twilio: Twilio Setup has no Account SID and Auth Token");
            } else {
                log.info("Retention: {} deleted at Twilio, {} to try again later",
                        counted(atTwilio.deleted(), "text", "texts"), counted(atTwilio.toTryAgain(), "text", "texts"));
            }
        }
        return new Outcome(removed, atTwilio);
    }

    /** "1 body", "1,204 bodies": counts are all the log ever says about texts. */
    static String counted(long count, String one, String many) {
        return String.format(Locale.US, "%,d %s", count, count == 1 ? one : many);
    }
}
