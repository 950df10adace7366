package org.textdesk.grouptexts;

import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.textdesk.staff.StaffPrincipal;

/** Every {@link RecipientFilter} bean, and which of them a staff member may use. */
@Component
class RecipientFilters {

    private final List<RecipientFilter> all;

    RecipientFilters(List<RecipientFilter> all) {
        this.all = all.stream().sorted(Comparator.comparing(RecipientFilter::key)).toList();
    }

    /** The filters this staff member may choose, "my clients" first. */
    List<RecipientFilter> allowedFor(StaffPrincipal staff) {
        return all.stream().filter(filter -> filter.allowedFor(staff))
                .sorted(Comparator.comparing(filter -> !ClientFilters.MY_CLIENTS.equals(filter.key()))).toList();
    }

    /** The filter of this key: 400 when there is none (no form offers it), 403 when this person may not use it. */
    RecipientFilter allowed(String key, StaffPrincipal staff) {
        RecipientFilter filter = all.stream().filter(one -> one.key().equals(key)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "no such recipient filter"));
        if (!filter.allowedFor(staff)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "recipient filter not allowed");
        }
        return filter;
    }
}
