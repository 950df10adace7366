package org.textdesk.caseload;

import java.util.Objects;
import java.util.Optional;

/**
 * Who may move a client to whom, as a rule with no database: an admin moves any client; a caseworker moves
 * a client assigned to them, or claims an unassigned one for themselves. The new caseworker must be a staff
 * member who exists, is enabled, and is not the one who has the client already.
 */
final class CaseloadTransfer {

    /** Why a transfer is refused: a message key, and whether it is the person's right that is missing (403). */
    enum Refusal {
        NOT_YOURS("caseload.transfer.notYours", true),
        UNKNOWN_STAFF("caseload.transfer.unknownStaff", false),
        DISABLED_STAFF("caseload.transfer.disabledStaff", false),
        ALREADY_THEIRS("caseload.transfer.alreadyTheirs", false),
        SAME_STAFF("caseload.transferAll.sameStaff", false);

        private final String messageKey;
        private final boolean forbidden;

        Refusal(String messageKey, boolean forbidden) {
            this.messageKey = messageKey;
            this.forbidden = forbidden;
        }

        String messageKey() {
            return messageKey;
        }

        boolean forbidden() {
            return forbidden;
        }
    }

    /** A staff member a client may be moved to, as the rule needs them; null for an id nobody has. */
    record Candidate(long id, boolean enabled) {
    }

    /** Who asks. */
    record Actor(long id, boolean admin) {
    }

    private CaseloadTransfer() {
    }

    /** Whether this person may move this client at all (the record page shows the form only then). */
    static boolean mayTransfer(Long currentCaseworker, Actor actor) {
        return actor.admin() || Objects.equals(currentCaseworker, actor.id());
    }

    /** Whether this person may take this client for themselves. */
    static boolean mayClaim(Long currentCaseworker, Actor actor) {
        return currentCaseworker == null || actor.admin();
    }

    /** Why moving one client from {@code currentCaseworker} to {@code to} is refused; empty when it may happen. */
    static Optional<Refusal> refusalOfOne(Long currentCaseworker, Candidate to, Actor actor) {
        boolean claimingForSelf = currentCaseworker == null && to != null && to.id() == actor.id();
        if (!mayTransfer(currentCaseworker, actor) && !claimingForSelf) {
            return Optional.of(Refusal.NOT_YOURS);
        }
        return refusalOfTarget(to, currentCaseworker);
    }

    /** Why moving all of one caseworker's clients to another is refused (admins only). */
    static Optional<Refusal> refusalOfAll(Candidate from, Candidate to, Actor actor) {
        if (!actor.admin()) {
            return Optional.of(Refusal.NOT_YOURS);
        }
        if (from == null) {
            return Optional.of(Refusal.UNKNOWN_STAFF);
        }
        if (to != null && to.id() == from.id()) {
            return Optional.of(Refusal.SAME_STAFF);
        }
        return refusalOfTarget(to, from.id());
    }

    private static Optional<Refusal> refusalOfTarget(Candidate to, Long currentCaseworker) {
        if (to == null) {
            return Optional.of(Refusal.UNKNOWN_STAFF);
        }
        if (!to.enabled()) {
            return Optional.of(Refusal.DISABLED_STAFF);
        }
        if (Objects.equals(currentCaseworker, to.id())) {
            return Optional.of(Refusal.ALREADY_THEIRS);
        }
        return Optional.empty();
    }
}
