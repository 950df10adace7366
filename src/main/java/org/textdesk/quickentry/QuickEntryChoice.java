package org.textdesk.quickentry;

import org.textdesk.language.LanguageView;

/**
 * One Quick Entry in one language, as the Send Text form offers it. {@link #key()} tells the options apart: the
 * entry's id for its English text, id:language for a version ("3:2").
 */
public record QuickEntryChoice(long quickEntryId, LanguageView language, String text) {

    public String key() {
        return language.isEnglish() ? String.valueOf(quickEntryId) : quickEntryId + ":" + language.id();
    }

    /** The text with its placeholders filled in, ready for the Text Message box. */
    public String filledWith(PlaceholderValues values) {
        return QuickEntryText.fill(text, values);
    }
}
