package org.textdesk.texting;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;

/**
 * What people type or paste into Text Message, for property tests: GSM-7 text, its two-septet
 * extension characters, the typographic look-alikes SmsText replaces, emoji (surrogate pairs), other
 * scripts and symbols, control characters, and anything else Unicode holds. Lengths from 0 to 250
 * UTF-16 units, so that many texts sit around the limits of 70 and 160.
 */
class TypedTexts implements ArbitrarySupplier<String> {

    static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    static final String GSM_EXTENSION = "^{}\\[~]|€\f";
    static final String LOOK_ALIKES = "\u2018\u2019\u201A\u201B\u2032\u00B4\u0060\u201C\u201D\u201E\u201F\u2033"
            + "\u00AB\u00BB\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2026\u00A0\u2002\u2003\u2009\u200A\u202F"
            + "\u205F\u3000\t\u200B\uFEFF";
    static final String OTHER_SCRIPTS = "áíóúâêîôûçñÁÍÓÚ Приветمرحبا你好こんにちは\u0301\u200D";
    static final String[] EMOJI = {"\uD83D\uDE42", "\uD83D\uDC4D\uD83C\uDFFD", "\uD83C\uDDFA\uD83C\uDDF8", "\u2764\uFE0F",
        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"};

    /** Whole code points only: no lone surrogate (no keyboard makes one, and a browser cannot pass it back). */
    static Arbitrary<String> typedText() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(40, Arbitraries.of(chars(GSM_BASIC))),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(chars(GSM_EXTENSION))),
                net.jqwik.api.Tuple.of(6, Arbitraries.of(chars(LOOK_ALIKES))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(chars(OTHER_SCRIPTS))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(EMOJI)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                        .filter(codePoint -> !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE))
                        .map(codePoint -> new String(Character.toChars(codePoint)))));
        Arbitrary<String> mostlyGsm = piece.list().ofMaxSize(200).map(pieces -> String.join("", pieces));
        Arbitrary<String> nearTheLimits = Arbitraries.of(chars(GSM_BASIC)).list().ofMinSize(150).ofMaxSize(170)
                .map(pieces -> String.join("", pieces))
                .flatMap(gsm -> Arbitraries.of("", "{", "€", "\u2019", "\u2026", "\uD83D\uDE42", "П")
                        .flatMap(extra -> Arbitraries.integers().between(0, gsm.length())
                                .map(at -> gsm.substring(0, at) + extra + gsm.substring(at))));
        Arbitrary<String> shortUnicode = piece.list().ofMinSize(60).ofMaxSize(80).map(pieces -> String.join("", pieces))
                .map(text -> "\u041f" + text);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, mostlyGsm),
                net.jqwik.api.Tuple.of(3, nearTheLimits),
                net.jqwik.api.Tuple.of(2, shortUnicode));
    }

    /** Like {@link #typedText()}, plus strings of any UTF-16 units at all, lone surrogates included. */
    static Arbitrary<String> anyText() {
        return Arbitraries.oneOf(typedText(), Arbitraries.strings().all().ofMaxLength(250));
    }

    @Override
    public Arbitrary<String> get() {
        return typedText();
    }

    static String[] chars(String text) {
        return text.codePoints().mapToObj(codePoint -> new String(Character.toChars(codePoint))).toArray(String[]::new);
    }
}
