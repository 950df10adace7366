package org.textdesk.texts;

import java.util.Random;
import org.textdesk.Generated;

/**
 * What people type or paste into Text Message, for property checks: GSM-7 text, its two-septet
 * extension characters, the typographic look-alikes SmsText replaces, emoji (surrogate pairs), other
 * scripts and symbols, control characters, and anything else Unicode holds. Lengths from 0 to 250
 * UTF-16 units, so that many texts sit around the limits of 70 and 160.
 */
final class TypedTexts {

    static final String GSM_BASIC = Gsm7Tables.BASIC;
    static final String GSM_EXTENSION = Gsm7Tables.EXTENSION;
    static final String LOOK_ALIKES = "\u2018\u2019\u201A\u201B\u2032\u00B4\u0060\u201C\u201D\u201E\u201F\u2033"
            + "\u00AB\u00BB\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2026\u00A0\u2002\u2003\u2009\u200A\u202F"
            + "\u205F\u3000\t\u200B\uFEFF";
    static final String OTHER_SCRIPTS = "áíóúâêîôûçñÁÍÓÚ Приветمرحبا你好こんにちは\u0301\u200D";
    static final String[] EMOJI = {"\uD83D\uDE42", "\uD83D\uDC4D\uD83C\uDFFD", "\uD83C\uDDFA\uD83C\uDDF8", "\u2764\uFE0F",
        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"};

    private TypedTexts() {
    }

    /** Whole code points only: no lone surrogate (no keyboard makes one, and a browser cannot pass it back). */
    static String typedText(Random random) {
        int kind = random.nextInt(11);
        if (kind < 6) {
            return pieces(random, random.nextInt(201));
        }
        if (kind < 9) {
            String gsm = Generated.of(random, GSM_BASIC, 150, 170);
            String extra = Generated.oneOf(random, "", "{", "€", "\u2019", "\u2026", "\uD83D\uDE42", "П");
            int at = random.nextInt(gsm.length() + 1);
            return gsm.substring(0, at) + extra + gsm.substring(at);
        }
        return "\u041f" + pieces(random, 60 + random.nextInt(21));
    }

    /** Like {@link #typedText}, plus strings of any UTF-16 units at all, lone surrogates included. */
    static String anyText(Random random) {
        return random.nextBoolean() ? typedText(random) : Generated.anyUnits(random, 250);
    }

    private static String pieces(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(57);
            if (roll < 40) {
                text.append(Generated.of(random, GSM_BASIC, 1, 1));
            } else if (roll < 46) {
                text.append(Generated.of(random, GSM_EXTENSION, 1, 1));
            } else if (roll < 52) {
                text.append(Generated.of(random, LOOK_ALIKES, 1, 1));
            } else if (roll < 54) {
                text.append(Generated.of(random, OTHER_SCRIPTS, 1, 1));
            } else if (roll < 56) {
                text.append(EMOJI[random.nextInt(EMOJI.length)]);
            } else {
                text.append(Generated.anyCodePoint(random));
            }
        }
        return text.toString();
    }
}
