package org.textdesk.grouptexts;

import java.time.LocalDate;
import org.textdesk.staff.StaffPrincipal;

/**
 * A filter as chosen on the form: who is choosing, and the filter's argument when it has one (null otherwise).
 *
 * @param caseworkerId the caseworker of {@link RecipientFilter.Argument#CASEWORKER}
 * @param day          the day of {@link RecipientFilter.Argument#DAY}
 */
public record FilterChoice(StaffPrincipal staff, Long caseworkerId, LocalDate day) {
}
