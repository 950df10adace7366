package org.textdesk.system;

/**
 * One option of a drop-down built from data rather than an enum (fragments/forms.html choiceField):
 * its submitted value, the words shown, and a value the page's script reads (data-value), if any.
 */
public record Choice(String value, String label, String data) {

    public static Choice of(Object value, String label) {
        return new Choice(value == null ? "" : String.valueOf(value), label, null);
    }

    public static Choice of(Object value, String label, String data) {
        return new Choice(value == null ? "" : String.valueOf(value), label, data);
    }
}
