package org.textdesk.appointments;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.textdesk.system.FieldRuleException;
import org.textdesk.texts.SmsText;

/**
 * The words of a reminder: its placeholders, filling them, and the one-SMS rule ({@link SmsText}). A reminder
 * text is checked when saved with the longest likely values of its placeholders, so a text that passes fits for
 * nearly every appointment; the filled text is checked again when the reminder is planned and when it is sent.
 */
final class ReminderWording {

    static final List<String> PLACEHOLDERS = List.of("{first_name}", "{appointment_date}", "{appointment_time}",
            "{place}", "{case_number}", "{staff_name}");

    /**
     * The longest likely values: a long first name, the widest date and time as the reminder writes them, a place
     * of 30 characters, a case number like 16E-20010101 and a staff name of 20 characters.
     */
    static final Map<String, String> LONGEST_LIKELY = Map.of(
            "first_name", "Maximilianus",
            "appointment_date", "12/31/2030",
            "appointment_time", "12:30 PM",
            "place", "123 Peachtree Center Ave NE #10",
            "case_number", "16E-20010101",
            "staff_name", "Alexandra Richardson");

    static final int MAX_LENGTH = 400;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private ReminderWording() {
    }

    /** The text with each known placeholder replaced by its value (a missing value leaves it empty). */
    static String fill(String text, Map<String, String> values) {
        return PLACEHOLDER.matcher(text).replaceAll(match -> Matcher.quoteReplacement(
                PLACEHOLDERS.contains(match.group()) ? values.getOrDefault(match.group(1), "") : match.group()));
    }

    /**
     * The text to store: stripped, look-alikes replaced, only known placeholders, one SMS when filled with the
     * longest likely values.
     *
     * @throws FieldRuleException on {@code field} naming what is wrong
     */
    static String check(String typed, String field) {
        String text = SmsText.replaceLookAlikes(typed == null ? "" : typed.strip());
        if (text.isEmpty()) {
            throw new FieldRuleException(field, "appointments.text.required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new FieldRuleException(field, "appointments.text.tooLong", MAX_LENGTH);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group())) {
                throw new FieldRuleException(field, "appointments.text.unknownPlaceholder", matcher.group(),
                        String.join(", ", PLACEHOLDERS));
            }
        }
        SmsText longest = SmsText.of(fill(text, LONGEST_LIKELY));
        if (!longest.fitsOneSegment()) {
            throw new FieldRuleException(field, longest.encoding() == SmsText.Encoding.UCS_2
                    ? "appointments.text.notOneSmsUnicode" : "appointments.text.notOneSms", longest.used(),
                    longest.limit());
        }
        return text;
    }

    /** Whether a filled reminder fits one SMS. */
    static boolean fitsOneSms(String filled) {
        return SmsText.of(filled).fitsOneSegment();
    }
}
