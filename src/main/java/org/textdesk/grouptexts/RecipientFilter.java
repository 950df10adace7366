package org.textdesk.grouptexts;

import java.util.List;
import org.textdesk.staff.StaffPrincipal;

/**
 * One way of choosing the clients of a group text. Each filter is a Spring bean; the form offers every filter the
 * staff member may use ({@link #allowedFor}) and the server refuses the others, so a new filter (clients with an
 * appointment on a given day, say) is one more bean implementing this interface, nothing else: its argument kind
 * ({@link Argument#DAY}) is already on the form, in the group's row and in its description.
 */
public interface RecipientFilter {

    /** What a filter needs besides the staff member choosing. */
    enum Argument {
        NONE,
        /** A caseworker, chosen from the enabled staff. */
        CASEWORKER,
        /** A day (the appointments filter's). */
        DAY
    }

    /** The filter's value on the form and in the group's row, e.g. {@code my-clients}. */
    String key();

    /**
     * The message key of its words on the form. A group's pages describe it with the message
     * {@code groupTexts.described.<key>} (arguments: the author's name, the caseworker's, the day).
     */
    String labelKey();

    Argument argument();

    /** Whether this staff member may choose recipients this way (checked server-side on every post). */
    boolean allowedFor(StaffPrincipal staff);

    /** The ids of the clients chosen, whatever their consent or cell: the group's plan says who gets it. */
    List<Long> clientIds(FilterChoice choice);
}
