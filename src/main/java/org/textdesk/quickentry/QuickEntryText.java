package org.textdesk.quickentry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.textdesk.system.FieldRuleException;
import org.textdesk.texts.SmsText;

/**
 * The rules of a Quick Entry's text: required, only the known placeholders, and one SMS as typed
 * (a placeholder counts as its own text; filled in, the message can grow, so the Send Text form
 * checks the final text again).
 */
public final class QuickEntryText {

    /** Every placeholder a Quick Entry may hold, as typed. */
    public static final List<String> PLACEHOLDERS = List.of("{first_name}", "{last_name}", "{case_number}",
            "{staff_name}");

    /** The placeholder filled with the case chosen on the Send Text form. */
    public static final String CASE_NUMBER = "{case_number}";

    static final int MAX_STORED_LENGTH = 400;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private QuickEntryText() {
    }

    /**
     * The text with each placeholder replaced by its value. A placeholder with no value stays as typed, so
     * that the text never reads "for case  is tomorrow": the form marks it and sending refuses it
     * ({@link #unfilledPlaceholders}).
     */
    public static String fill(String text, PlaceholderValues values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        return matcher.replaceAll(match -> {
            String value = values.valueOf(match.group(1));
            return Matcher.quoteReplacement(value == null || value.isBlank() ? match.group() : value);
        });
    }

    /** The known placeholders still in a text about to be sent, in the order they appear, once each. */
    public static List<String> unfilledPlaceholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        LinkedHashSet<String> unfilled = new LinkedHashSet<>();
        while (matcher.find()) {
            if (PLACEHOLDERS.contains(matcher.group())) {
                unfilled.add(matcher.group());
            }
        }
        return List.copyOf(unfilled);
    }

    /**
     * The text to store: stripped, with typographic look-alikes replaced as sending does (see
     * {@link SmsText}).
     *
     * @throws FieldRuleException on field {@code text} when it is blank, holds an unknown placeholder
     *                            (named in the message) or does not fit one SMS
     */
    static String check(String typed) {
        return check(typed, "text");
    }

    /** {@link #check(String)} for the form field {@code field}: the same rules for a version in another language. */
    static String check(String typed, String field) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new FieldRuleException(field, "quickEntry.text.required");
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group())) {
                throw new FieldRuleException(field, "quickEntry.text.unknownPlaceholder", matcher.group(),
                        String.join(", ", PLACEHOLDERS));
            }
        }
        SmsText sms = SmsText.of(text);
        if (!sms.fitsOneSegment()) {
            if (sms.encoding() == SmsText.Encoding.UCS_2) {
                throw new FieldRuleException(field, "quickEntry.text.tooLongUnicode", sms.used(), sms.limit(),
                        sms.firstNonGsmCharacter());
            }
            throw new FieldRuleException(field, "quickEntry.text.tooLong", sms.used(), sms.limit());
        }
        return sms.text();
    }
}
