package org.textdesk.language;

/**
 * A language as the other modules use it: its id (what clients and Quick Entry versions store), its name as
 * staff read it ("Spanish"), and its code for the page's {@code lang} attribute ("es"), or null when the admin
 * who added it gave none.
 */
public record LanguageView(long id, String name, String code) {

    /** Whether this is English, the language of every Quick Entry's own text and every client's default. */
    public boolean isEnglish() {
        return id == Languages.ENGLISH_ID;
    }
}
