package org.textdesk.quickentry;

/** A Quick Entry as the Send Text form lists it: in {@code position} order (1, 2, 3, ...). */
public record QuickEntryView(long id, int position, String text) {

    /** The text with its placeholders filled in, ready for the Text Message box. */
    public String filledWith(PlaceholderValues values) {
        return QuickEntryText.fill(text, values);
    }
}
