package org.textdesk.texts;

import java.util.Map;

/**
 * A text as one SMS segment sees it. After typographic look-alikes are replaced, a text of GSM-7
 * characters may use 160 septets (the extension characters count two); any other character makes it
 * UCS-2, limited to 70 UTF-16 units. The browser counter (static/js/sms-counter.js) mirrors this
 * class; both are tested against src/test/resources/sms-length-cases.json.
 */
public record SmsText(String text, Encoding encoding, int used) {

    public enum Encoding {
        GSM_7(160),
        UCS_2(70);

        private final int limit;

        Encoding(int limit) {
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    /** Look-alikes a phone or a word processor slips in, and the GSM characters sent instead. */
    private static final Map<Character, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry('\u2018', "'"), Map.entry('\u2019', "'"), Map.entry('\u201A', "'"), Map.entry('\u201B', "'"),
            Map.entry('\u2032', "'"), Map.entry('\u00B4', "'"), Map.entry('\u0060', "'"),
            Map.entry('\u201C', "\""), Map.entry('\u201D', "\""), Map.entry('\u201E', "\""), Map.entry('\u201F', "\""),
            Map.entry('\u2033', "\""), Map.entry('\u00AB', "\""), Map.entry('\u00BB', "\""),
            Map.entry('\u2010', "-"), Map.entry('\u2011', "-"), Map.entry('\u2012', "-"), Map.entry('\u2013', "-"),
            Map.entry('\u2014', "-"), Map.entry('\u2015', "-"), Map.entry('\u2212', "-"),
            Map.entry('\u2026', "..."),
            Map.entry('\u00A0', " "), Map.entry('\u2002', " "), Map.entry('\u2003', " "), Map.entry('\u2009', " "),
            Map.entry('\u200A', " "), Map.entry('\u202F', " "), Map.entry('\u205F', " "), Map.entry('\u3000', " "),
            Map.entry('\t', " "),
            Map.entry('\u200B', ""), Map.entry('\uFEFF', ""));

    public SmsText {
        if (text == null || encoding == null) {
            throw new IllegalArgumentException("text and encoding are required");
        }
    }

    /** Measures a text as typed, after replacing look-alikes. */
    public static SmsText of(String typed) {
        String text = replaceLookAlikes(typed == null ? "" : typed);
        int septets = 0;
        boolean gsm = true;
        for (int i = 0; i < text.length(); i++) {
            int cost = gsmCost(text.charAt(i));
            if (cost == 0) {
                gsm = false;
                break;
            }
            septets += cost;
        }
        return gsm ? new SmsText(text, Encoding.GSM_7, septets) : new SmsText(text, Encoding.UCS_2, text.length());
    }

    public static String replaceLookAlikes(String typed) {
        StringBuilder replaced = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            String replacement = LOOK_ALIKES.get(c);
            replaced.append(replacement != null ? replacement : String.valueOf(c));
        }
        return replaced.toString();
    }

    public int limit() {
        return encoding.limit();
    }

    public int left() {
        return limit() - used;
    }

    public boolean fitsOneSegment() {
        return used <= limit();
    }

    /** The first character that forces UCS-2, to tell the person why the limit is 70; empty for GSM-7. */
    public String firstNonGsmCharacter() {
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int codePoint = text.codePointAt(i);
            if (Character.charCount(codePoint) > 1 || gsmCost((char) codePoint) == 0) {
                return new String(Character.toChars(codePoint));
            }
        }
        return "";
    }

    /**
     * The longest beginning of this text that fits one segment, never splitting a character. Cutting
     * can bring a text back to GSM-7 when the character that forced UCS-2 is cut off.
     */
    public SmsText cutToOneSegment() {
        if (fitsOneSegment()) {
            return this;
        }
        int septets = 0;
        boolean gsm = true;
        int fitting = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (gsm) {
                int cost = Character.charCount(codePoint) > 1 ? 0 : gsmCost((char) codePoint);
                gsm = cost > 0;
                septets += cost;
            }
            boolean fits = (gsm && septets <= Encoding.GSM_7.limit()) || next <= Encoding.UCS_2.limit();
            if (!fits) {
                break;
            }
            fitting = next;
            i = next;
        }
        return of(text.substring(0, fitting));
    }

    /** Septets a character takes in GSM-7, or 0 when it is not a GSM-7 character. */
    private static int gsmCost(char c) {
        if (GSM_BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return GSM_EXTENSION.indexOf(c) >= 0 ? 2 : 0;
    }
}
