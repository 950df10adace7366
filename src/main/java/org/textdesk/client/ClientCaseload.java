package org.textdesk.client;

import java.time.Instant;
import org.textdesk.staff.StaffPrincipal;

/**
 * The client record's Caseworker section. The caseload module implements it, so this package does not depend on
 * the one that depends on it (a caseload is made of clients); it also hears of each new client through
 * {@link ClientAdded}, in the transaction that adds it.
 */
public interface ClientCaseload {

    /** The model of the record's Caseworker section (template fragment clients/caseload): who has the client, since when, what this person may do. */
    Object sectionOf(long clientId, Long caseworkerId, StaffPrincipal actor);

    /** Published in the transaction that adds a client: the creator is its first caseworker. */
    record ClientAdded(long clientId, long addedBy, Instant at) {
    }
}
