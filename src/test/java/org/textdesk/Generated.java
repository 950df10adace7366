package org.textdesk;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Property checks over generated inputs, with a fixed seed so every run tries the same inputs and a
 * failure names the input that broke the property. (jqwik was tried first; its 1.10 release asks AI
 * agents not to use it, so the few generators needed here are written out.)
 */
public final class Generated {

    private Generated() {
    }

    /** {@code count} inputs from {@code generator}, seeded. */
    public static <T> List<T> inputs(long seed, int count, Function<Random, T> generator) {
        Random random = new Random(seed);
        List<T> inputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inputs.add(generator.apply(random));
        }
        return inputs;
    }

    /** Checks the property for every input; a failure says which input (escaped) broke it. */
    public static <T> void forAll(List<T> inputs, Consumer<T> property) {
        for (int i = 0; i < inputs.size(); i++) {
            T input = inputs.get(i);
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException broken) {
                throw new AssertionError("input " + i + " " + escaped(String.valueOf(input)) + ": "
                        + broken.getMessage(), broken);
            }
        }
    }

    public static String oneOf(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    /** Between min and max characters (whole code points) of the alphabet. */
    public static String of(Random random, String alphabet, int min, int max) {
        int[] codePoints = alphabet.codePoints().toArray();
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return text.toString();
    }

    /** Digits 0-9, exactly {@code length} of them. */
    public static String digits(Random random, int length) {
        return of(random, "0123456789", length, length);
    }

    /** Any UTF-16 units at all, lone surrogates and control characters included. */
    public static String anyUnits(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    /** Any whole code point but a surrogate. */
    public static String anyCodePoint(Random random) {
        int codePoint;
        do {
            codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
        } while (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
        return new String(Character.toChars(codePoint));
    }

    public static String escaped(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return escaped.toString();
    }
}
