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
        boolean numberMayBeWrong, ClientTime clientTime) {

    /**
     * The client's time beside Send at: their zone (null when it is the organisation's), its offset from the
     * organisation's now (the page adds it to the time typed), their time now, and whether that is outside the
     * window of automated texts (sending now is not blocked, but the form warns).
     */
    public record ClientTime(String zone, int offsetMinutes, String localNow, boolean quietNow, String windowStart,
            String windowEnd) {
    }
}
