package org.textdesk.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.textdesk.client.ClientAccess;
import org.textdesk.staff.StaffPrincipal;

/**
 * Gives the layout's "Incoming" link its count of unread texts. The count is read only when a page's
 * navigation is rendered (one short indexed count), so redirects and the status fragments cost nothing.
 */
@ControllerAdvice
class IncomingCountAdvice {

    /**
     * The count stops here ("1,000+ unread"): every page shows it, so it must cost the same however many
     * texts nobody has read.
     */
    static final int LIMIT = 1_000;

    private final IncomingInbox incomingInbox;
    private final ClientAccess access;

    IncomingCountAdvice(IncomingInbox incomingInbox, ClientAccess access) {
        this.incomingInbox = incomingInbox;
        this.access = access;
    }

    @ModelAttribute("incomingCount")
    UnreadIncoming incomingCount(@AuthenticationPrincipal StaffPrincipal principal) {
        return principal == null ? null : new UnreadIncoming(incomingInbox, () -> access.scopeOf(principal));
    }

    /** The number of unread incoming texts, counted on first use; null when the database cannot say. */
    static final class UnreadIncoming {

        private static final Logger log = LoggerFactory.getLogger(UnreadIncoming.class);

        private final IncomingInbox incomingInbox;
        // asked only when the count is shown: the texts of the clients the person may see (restricted caseloads)
        private final java.util.function.Supplier<ClientAccess.Scope> scope;
        private Long unread;
        private boolean more;
        private boolean counted;

        UnreadIncoming(IncomingInbox incomingInbox, java.util.function.Supplier<ClientAccess.Scope> scope) {
            this.incomingInbox = incomingInbox;
            this.scope = scope;
        }

        /** The unread texts, at most {@link #LIMIT}; see {@link #more()}. */
        public Long unread() {
            if (!counted) {
                counted = true;
                try {
                    long count = incomingInbox.unreadCount(LIMIT, scope.get());
                    more = count > LIMIT;
                    unread = Math.min(count, LIMIT);
                } catch (DataAccessException databaseDown) {
                    // The page (perhaps the error page saying the database is down) still renders.
                    log.debug("Unread incoming texts not counted: {}", databaseDown.getMessage());
                }
            }
            return unread;
        }

        /** More than {@link #LIMIT} texts are unread. */
        public boolean more() {
            unread();
            return more;
        }
    }
}
