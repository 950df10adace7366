package org.textdesk.texts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers as staff read them: 404-538-7319 for a North American number (+1 and ten digits, as
 * the client record shows a cell), as stored (E.164) for any other. Only formats; never validates.
 */
public final class PhoneNumbers {

    private static final Pattern NORTH_AMERICAN = Pattern.compile("\\+1(\\d{3})(\\d{3})(\\d{4})");

    private PhoneNumbers() {
    }

    public static String display(String e164) {
        if (e164 == null || e164.isBlank()) {
            return "";
        }
        Matcher number = NORTH_AMERICAN.matcher(e164);
        return number.matches() ? number.group(1) + "-" + number.group(2) + "-" + number.group(3) : e164;
    }
}
