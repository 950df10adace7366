package org.textdesk.sending;

import java.util.List;
import java.util.Optional;
import org.textdesk.client.Client;
import org.textdesk.system.Choice;
import org.textdesk.system.ChoiceGroup;

/**
 * Everything the Send Text form shows besides what was typed: the client, the Case # choices (the
 * client's open cases, data-value the case number), the Quick Entry choices (the "Choose" option, then the
 * Quick Entries grouped by language, the client's first; data-value the text with names filled in; the page
 * fills in the case number chosen), the client's language when no Quick Entry has a version in it (else null),
 * why sending is not possible, if so, and whether the client's cell may be wrong (texts to it failed twice for
 * good).
 */
public record SendTextPage(Client client, List<Choice> caseChoices, List<Choice> quickEntryChoices,
        List<ChoiceGroup> quickEntryGroups, String languageWithoutQuickEntries, Optional<String> blockedReason,
        boolean numberMayBeWrong) {
}
