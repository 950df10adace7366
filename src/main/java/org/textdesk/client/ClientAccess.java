package org.textdesk.client;

import java.util.Set;
import java.util.stream.Collectors;
import org.textdesk.staff.StaffPrincipal;

/**
 * Who may see a client and its texts: the one check every module calls on each route that shows or acts on a
 * client, its texts, cases, pictures or scheduled texts (issue 21 point 3). With restricted caseloads on (an admin
 * setting), a caseworker sees only their own clients and those of the colleagues away whom they cover for;
 * supervisors and admins see every client; with it off, everyone does. The caseload module implements it (a
 * client's caseworker and the colleague covering are caseload facts), so this package does not depend on the one
 * that depends on it.
 */
public interface ClientAccess {

    /** The pages that show a client's texts, whose every open through coverage is recorded. */
    enum Opening {
        CONVERSATION, TEXTS, RECORD
    }

    /**
     * The clients a person may see, by their caseworker: every client, or only those of these caseworkers (never
     * a client with no caseworker).
     */
    record Scope(boolean everyClient, Set<Long> caseworkers) {

        public static final Scope EVERY_CLIENT = new Scope(true, Set.of());

        public Scope {
            caseworkers = Set.copyOf(caseworkers);
        }

        /** Whether a client with this caseworker (null: none) is in the scope. */
        public boolean includes(Long caseworkerId) {
            return everyClient || caseworkerId != null && caseworkers.contains(caseworkerId);
        }

        /**
         * The scope as an SQL condition on a caseworker id column, for the lists (search results, inboxes, the
         * scheduled texts): {@code true}, or the column in the caseworkers' ids (numbers, so written inline).
         */
        public String sqlOn(String caseworkerColumn) {
            if (everyClient) {
                return "true";
            }
            return caseworkerColumn + " in (" + caseworkers.stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + ")";
        }
    }

    /** The clients this person may see now. */
    Scope scopeOf(StaffPrincipal viewer);

    /**
     * Refuses (403) a person who may not see this client; a client that does not exist passes (the route says 404).
     */
    void require(StaffPrincipal viewer, long clientId);

    /**
     * Refuses (403) a person who may not see this text: one linked to clients passes when one of them is theirs to
     * see; one from an unknown number (no client) passes for every staff member.
     */
    void requireText(StaffPrincipal viewer, long messageId);

    /**
     * Whether a live event about this client or text may go to a person of this scope (ids only, but still a
     * client's). The scope is the caller's to take once ({@link #scopeOf}): the live fan-out asks for every event of
     * a batch and every open stream.
     */
    boolean maySee(Scope scope, Long clientId, Long messageId);

    /**
     * Refuses (403) a person who may not see this client's texts, then records the open when the person covers for
     * the client's caseworker now.
     */
    void opened(StaffPrincipal viewer, long clientId, Opening what);
}
