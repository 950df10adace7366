package org.textdesk.texts;

import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Whether a failure is permanent (the same text to the same number fails again until someone fixes the cause)
 * or temporary (trying again later may work), for Twilio's error codes and TextDesk's own; pages read it as
 * {@code @twilioErrorKinds}. Some permanent ones say the number itself is wrong: two of them in a row to a
 * client's cell make the client record and Send Text form say so ({@link ClientTextingSummariesQuery}).
 */
@Component
public class TwilioErrorKinds {

    /** Permanent failures that say the number itself cannot take texts. */
    public static final Set<String> NUMBER_WRONG = Set.of("21211", "21614", "30005", "30006");

    static final Set<String> PERMANENT = Set.of("21211", "21408", "21610", "21614", "21617", "30002", "30004", "30005",
            "30006", "30034", "30450");

    static final Set<String> TEMPORARY = Set.of("20003", "20429", "30001", "30003", "30007", "30008", "63018",
            TwilioErrorCodes.NETWORK, TwilioErrorCodes.HTTP_429, TwilioErrorCodes.NOT_FOUND);

    /** "permanent", "temporary", or null when it cannot be said (the answer was lost, an unknown code). */
    public String kind(String code) {
        if (code == null) {
            return null;
        }
        if (PERMANENT.contains(code)) {
            return "permanent";
        }
        if (TEMPORARY.contains(code) || code.startsWith("HTTP-5")) {
            return "temporary";
        }
        return null;
    }
}
