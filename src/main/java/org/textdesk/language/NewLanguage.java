package org.textdesk.language;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.textdesk.system.FieldRuleException;

/**
 * What an admin typed to add a language, checked: a name staff read ("Vietnamese", "Haitian Creole",
 * "Tiếng Việt"), and an optional code for the page's {@code lang} attribute ("vi", "pt-BR"), so that a screen
 * reader reads a version in its own language. Whether the name or code is taken is the service's check.
 */
record NewLanguage(String name, String code) {

    static final int MAX_NAME_LENGTH = 40;
    static final int MAX_CODE_LENGTH = 12;

    /** A primary language subtag of 2 or 3 letters, then region or script subtags (BCP 47's shape). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    /**
     * The name stripped and in composed form; the code stripped, its language part lower-cased, or null when
     * empty.
     *
     * @throws FieldRuleException on field {@code name} or {@code code}, naming what is wrong
     */
    static NewLanguage check(String typedName, String typedCode) {
        return new NewLanguage(checkName(typedName), checkCode(typedCode));
    }

    private static String checkName(String typed) {
        String name = Normalizer.normalize(typed == null ? "" : typed.strip(), Normalizer.Form.NFC);
        if (name.isEmpty()) {
            throw new FieldRuleException("name", "language.name.required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new FieldRuleException("name", "language.name.tooLong", MAX_NAME_LENGTH);
        }
        if (!Character.isLetter(name.codePointAt(0)) || !name.codePoints().allMatch(NewLanguage::belongsInAName)) {
            throw new FieldRuleException("name", "language.name.notAName");
        }
        return name;
    }

    /** Letters (with their accents), spaces between words, hyphens, apostrophes and brackets: "Chinese (Cantonese)". */
    private static boolean belongsInAName(int codePoint) {
        return Character.isLetter(codePoint) || Character.getType(codePoint) == Character.NON_SPACING_MARK
                || Character.getType(codePoint) == Character.COMBINING_SPACING_MARK || codePoint == ' '
                || codePoint == '-' || codePoint == '\'' || codePoint == '(' || codePoint == ')';
    }

    private static String checkCode(String typed) {
        String code = typed == null ? "" : typed.strip();
        if (code.isEmpty()) {
            return null;
        }
        if (code.length() > MAX_CODE_LENGTH || !CODE.matcher(code).matches()) {
            throw new FieldRuleException("code", "language.code.invalid");
        }
        String[] languageAndRest = code.split("-", 2);
        String language = languageAndRest[0].toLowerCase(Locale.ROOT);
        if (language.length() == 2 && !ISO_639_1.contains(language)) {
            throw new FieldRuleException("code", "language.code.unknown", code);
        }
        return languageAndRest.length == 1 ? language : language + "-" + languageAndRest[1];
    }
}
