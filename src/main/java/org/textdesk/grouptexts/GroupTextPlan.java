package org.textdesk.grouptexts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.textdesk.client.Client;
import org.textdesk.quickentry.PlaceholderValues;
import org.textdesk.quickentry.QuickEntryText;
import org.textdesk.reminders.QuietHours;
import org.textdesk.system.FieldRuleException;
import org.textdesk.texts.SmsText;

/**
 * Who of the chosen clients gets a group text, with what words, and when; why the others do not. The same rules
 * as a text sent to one client (a valid cell, Okay to Text, one SMS once filled, no placeholder left), plus two of
 * its own: a client not marked Safe is left out (the one-by-one form asks for a confirmation a group cannot give),
 * and {case_number} needs exactly one open case. Quiet hours do not leave anyone out: the text waits in the queue
 * until the window opens in the client's time, and the plan says when that is.
 */
public record GroupTextPlan(List<Planned> recipients, String fingerprint) {

    /** The longest message kept (the column's size); one SMS is checked per client, once filled. */
    static final int LONGEST_BODY = 1600;

    static final String NOT_SAFE = "groupTexts.leftOut.notSafe";
    static final String NO_OPEN_CASE = "groupTexts.leftOut.noOpenCase";
    static final String SEVERAL_OPEN_CASES = "groupTexts.leftOut.severalOpenCases";
    static final String PLACEHOLDER_EMPTY = "groupTexts.leftOut.placeholder";
    static final String TOO_LONG = "groupTexts.leftOut.tooLong";

    private static final Pattern BRACES = Pattern.compile("\\{([^{}]*)}");

    /** What the plan needs of a chosen client. */
    public record Facts(long clientId, String firstName, String lastName, String cellE164, boolean okayToText, boolean safe,
            List<OpenCase> openCases, List<ZoneId> zones) {

        public String name() {
            return firstName + " " + lastName;
        }
    }

    public record OpenCase(long id, String caseNumber) {
    }

    public enum When {
        NOW,
        /** After quiet hours, at {@link Planned#goesAt}. */
        LATER,
        LEFT_OUT
    }

    /**
     * A chosen client and what happens to them.
     *
     * @param body           the filled text (null when left out)
     * @param caseId         the case of {case_number}, when the text holds it
     * @param leftOutBecause a message key (null unless left out); {@code leftOutDetail} its argument, if any
     */
    public record Planned(Facts client, When when, String body, Long caseId, Instant goesAt, String leftOutBecause,
            String leftOutDetail) {

        public boolean getsIt() {
            return when != When.LEFT_OUT;
        }
    }

    /** The message as typed, checked before any client is looked at: stripped, or a refusal on field body. */
    static String checkedBody(String typed) {
        String body = typed == null ? "" : typed.strip();
        if (body.isEmpty()) {
            throw new FieldRuleException("body", "groupTexts.body.required");
        }
        if (body.length() > LONGEST_BODY) {
            throw new FieldRuleException("body", "groupTexts.body.tooLongToKeep", String.valueOf(LONGEST_BODY),
                    String.valueOf(body.length()));
        }
        Matcher braces = BRACES.matcher(body);
        while (braces.find()) {
            if (!QuickEntryText.PLACEHOLDERS.contains(braces.group())) {
                throw new FieldRuleException("body", "groupTexts.body.unknownPlaceholder", braces.group(),
                        String.join(", ", QuickEntryText.PLACEHOLDERS));
            }
        }
        return body;
    }

    /** The plan of a checked body for these clients at {@code now}, sent by {@code staffName}. */
    static GroupTextPlan of(String body, String staffName, List<Facts> clients, QuietHours window, Instant now) {
        boolean needsCase = body.contains(QuickEntryText.CASE_NUMBER);
        List<Planned> planned = clients.stream().sorted(Comparator.comparingLong(Facts::clientId))
                .map(client -> plan(body, staffName, needsCase, client, window, now)).toList();
        return new GroupTextPlan(planned, fingerprint(planned));
    }

    private static Planned plan(String body, String staffName, boolean needsCase, Facts client, QuietHours window,
            Instant now) {
        if (client.cellE164() == null) {
            return leftOut(client, Client.NO_VALID_CELL, null);
        }
        if (!client.okayToText()) {
            return leftOut(client, Client.OKAY_TO_TEXT_UNTICKED, null);
        }
        if (!client.safe()) {
            return leftOut(client, NOT_SAFE, null);
        }
        OpenCase openCase = null;
        if (needsCase) {
            if (client.openCases().isEmpty()) {
                return leftOut(client, NO_OPEN_CASE, null);
            }
            if (client.openCases().size() > 1) {
                return leftOut(client, SEVERAL_OPEN_CASES, String.valueOf(client.openCases().size()));
            }
            openCase = client.openCases().get(0);
        }
        SmsText filled = SmsText.of(QuickEntryText.fill(body, new PlaceholderValues(client.firstName(),
                client.lastName(), openCase == null ? null : openCase.caseNumber(), staffName)));
        List<String> unfilled = QuickEntryText.unfilledPlaceholders(filled.text());
        if (!unfilled.isEmpty()) {
            return leftOut(client, PLACEHOLDER_EMPTY, unfilled.get(0));
        }
        if (!filled.fitsOneSegment()) {
            return leftOut(client, TOO_LONG, filled.used() + "/" + filled.limit());
        }
        Long caseId = openCase == null ? null : openCase.id();
        if (window.allows(now, client.zones())) {
            return new Planned(client, When.NOW, filled.text(), caseId, now, null, null);
        }
        return new Planned(client, When.LATER, filled.text(), caseId, window.nextAllowed(now, client.zones()), null,
                null);
    }

    private static Planned leftOut(Facts client, String because, String detail) {
        return new Planned(client, When.LEFT_OUT, null, null, null, because, detail);
    }

    /**
     * What the confirmation must match: each recipient who gets it, with their case and words. Quiet hours are not
     * in it (a client waiting now still gets the text as previewed).
     */
    private static String fingerprint(List<Planned> planned) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        for (Planned recipient : planned) {
            if (recipient.getsIt()) {
                digest.update((recipient.client().clientId() + "|" + recipient.caseId() + "|" + recipient.body() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    public long count(When when) {
        return recipients.stream().filter(recipient -> recipient.when() == when).count();
    }

    /** How many get it, now or after quiet hours. */
    public long gettingIt() {
        return recipients.size() - count(When.LEFT_OUT);
    }

    /** Why the others do not get it: each reason (message key) with how many, most first. */
    public Map<String, Long> leftOutByReason() {
        Map<String, Long> counts = new LinkedHashMap<>();
        recipients.stream().filter(recipient -> !recipient.getsIt())
                .forEach(recipient -> counts.merge(recipient.leftOutBecause(), 1L, Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }
}
