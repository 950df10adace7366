package org.textdesk.cases;

import org.textdesk.client.RecentTexts;

/**
 * The last few texts of a case for the case page. The texting history implements it, so this package does not
 * depend on it (the history depends on cases).
 */
public interface CaseRecentTexts {

    RecentTexts recentTextsOf(CaseRecord caseRecord);
}
