package org.textdesk.sending;

import java.util.List;
import java.util.Optional;
import org.textdesk.client.Client;
import org.textdesk.system.Choice;

/**
 * Everything the Send Text form shows besides what was typed: the client, the Case # choices (the
 * client's open cases, data-value the case number), the Quick Entry choices (data-value the text with
 * names filled in; the page fills in the case number chosen), why sending is not possible, if so, and whether the
 * client's cell may be wrong (texts to it failed twice for good).
 */
public record SendTextPage(Client client, List<Choice> caseChoices, List<Choice> quickEntryChoices,
        Optional<String> blockedReason, boolean numberMayBeWrong) {
}
