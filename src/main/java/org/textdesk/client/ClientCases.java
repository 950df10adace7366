package org.textdesk.client;

import java.time.LocalDate;
import java.util.List;

/**
 * The cases the client record lists. The cases module implements it, so this package does not depend on the
 * one that depends on it (a case belongs to a client).
 */
public interface ClientCases {

    /** The client's cases, the most recently opened first. */
    List<CaseLine> casesOf(long clientId);

    /** One line of the record's Cases table; closedOn is null while the case is open. */
    record CaseLine(long id, String caseNumber, String title, LocalDate openedOn, LocalDate closedOn) {
    }
}
