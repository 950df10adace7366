package org.textdesk.system;

import java.util.List;

/**
 * Options of a drop-down shown under one heading (an {@code <optgroup>}, fragments/forms.html
 * groupedChoiceField), such as the Quick Entries in one language. With no label the options stand on their own;
 * {@code lang}, when given, is the language of the options' words (for screen readers).
 */
public record ChoiceGroup(String label, String lang, List<Choice> choices) {
}
