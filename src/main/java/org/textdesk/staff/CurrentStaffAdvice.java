package org.textdesk.staff;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in staff member on every page, for the layout's header and navigation. */
@ControllerAdvice
class CurrentStaffAdvice {

    @ModelAttribute("currentStaff")
    StaffPrincipal currentStaff(@AuthenticationPrincipal StaffPrincipal principal) {
        return principal;
    }
}
