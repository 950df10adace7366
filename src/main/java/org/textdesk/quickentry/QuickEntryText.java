package org.textdesk.quickentry;

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

    static final int MAX_STORED_LENGTH = 400;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private QuickEntryText() {
    }

    /** The text with each placeholder replaced by its value; a missing value leaves empty text. */
    public static String fill(String text, PlaceholderValues values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        return matcher.replaceAll(match -> {
            String value = values.valueOf(match.group(1));
            return Matcher.quoteReplacement(value == null ? match.group() : value);
        });
    }

    /**
     * The text to store: stripped, with typographic look-alikes replaced as sending does (see
     * {@link SmsText}).
     *
     * @throws FieldRuleException on field {@code text} when it is blank, holds an unknown placeholder
     *                            (named in the message) or does not fit one SMS
     */
    static String check(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new FieldRuleException("text", "quickEntry.text.required");
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group())) {
                throw new FieldRuleException("text", "quickEntry.text.unknownPlaceholder", matcher.group(),
                        String.join(", ", PLACEHOLDERS));
            }
        }
        SmsText sms = SmsText.of(text);
        if (!sms.fitsOneSegment()) {
            if (sms.encoding() == SmsText.Encoding.UCS_2) {
                throw new FieldRuleException("text", "quickEntry.text.tooLongUnicode", sms.used(), sms.limit(),
                        sms.firstNonGsmCharacter());
            }
            throw new FieldRuleException("text", "quickEntry.text.tooLong", sms.used(), sms.limit());
        }
        return sms.text();
    }
}
