package org.textdesk.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.textdesk.staff.StaffPrincipal;

/**
 * Gives the layout's "My inbox" link the count of unread texts from the person's clients, read only when a
 * page's navigation is rendered (as {@link IncomingCountAdvice} does for Incoming).
 */
@ControllerAdvice
class MyInboxCountAdvice {

    /** The count stops here ("1,000+"). */
    static final int LIMIT = IncomingCountAdvice.LIMIT;

    private final MyInbox myInbox;

    MyInboxCountAdvice(MyInbox myInbox) {
        this.myInbox = myInbox;
    }

    @ModelAttribute("myInboxCount")
    MyUnread myInboxCount(@AuthenticationPrincipal StaffPrincipal principal) {
        return principal == null ? null : new MyUnread(myInbox, principal.id());
    }

    /** The number of unread texts from my clients, counted on first use; null when the database cannot say. */
    static final class MyUnread {

        private static final Logger log = LoggerFactory.getLogger(MyUnread.class);

        private final MyInbox myInbox;
        private final long staffId;
        private Long unread;
        private boolean more;
        private boolean counted;

        MyUnread(MyInbox myInbox, long staffId) {
            this.myInbox = myInbox;
            this.staffId = staffId;
        }

        public Long unread() {
            if (!counted) {
                counted = true;
                try {
                    long count = myInbox.unreadCount(staffId, LIMIT);
                    more = count > LIMIT;
                    unread = Math.min(count, LIMIT);
                } catch (DataAccessException databaseDown) {
                    log.debug("Unread texts of my clients not counted: {}", databaseDown.getMessage());
                }
            }
            return unread;
        }

        public boolean more() {
            unread();
            return more;
        }
    }
}
