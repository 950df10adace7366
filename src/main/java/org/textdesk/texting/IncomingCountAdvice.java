package org.textdesk.texting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.textdesk.staff.StaffPrincipal;

/**
 * Gives the layout's "Incoming" link its count of unread texts. The count is read only when a page's
 * navigation is rendered (one indexed count), so redirects and the status fragments cost nothing.
 */
@ControllerAdvice
class IncomingCountAdvice {

    private final IncomingInbox incomingInbox;

    IncomingCountAdvice(IncomingInbox incomingInbox) {
        this.incomingInbox = incomingInbox;
    }

    @ModelAttribute("incomingCount")
    UnreadIncoming incomingCount(@AuthenticationPrincipal StaffPrincipal principal) {
        return principal == null ? null : new UnreadIncoming(incomingInbox);
    }

    /** The number of unread incoming texts, counted on first use; null when the database cannot say. */
    static final class UnreadIncoming {

        private static final Logger log = LoggerFactory.getLogger(UnreadIncoming.class);

        private final IncomingInbox incomingInbox;
        private Long unread;
        private boolean counted;

        UnreadIncoming(IncomingInbox incomingInbox) {
            this.incomingInbox = incomingInbox;
        }

        public Long unread() {
            if (!counted) {
                counted = true;
                try {
                    unread = incomingInbox.unreadCount();
                } catch (DataAccessException databaseDown) {
                    // The page (perhaps the error page saying the database is down) still renders.
                    log.debug("Unread incoming texts not counted: {}", databaseDown.getMessage());
                }
            }
            return unread;
        }
    }
}
