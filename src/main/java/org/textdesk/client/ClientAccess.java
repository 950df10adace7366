package org.textdesk.client;

import org.textdesk.staff.StaffPrincipal;

/**
 * Who may see a client and its texts, asked by every module that shows or acts on them. The caseload module
 * implements it (a client's caseworker and the colleague covering for them are caseload facts), so this package
 * does not depend on the one that depends on it.
 */
public interface ClientAccess {

    /** The pages that show a client's texts, whose every open through coverage is recorded. */
    enum Opening {
        CONVERSATION, TEXTS, RECORD
    }

    /** Records the viewer's open of the client's texts when the viewer covers for the client's caseworker now. */
    void opened(StaffPrincipal viewer, long clientId, Opening what);
}
