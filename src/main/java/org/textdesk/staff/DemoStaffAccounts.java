package org.textdesk.staff;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.textdesk.system.ConditionalOnEmbeddedDefault;

/** The demo admin and caseworker of the embedded default; their passwords are in the README. */
@Component
@ConditionalOnEmbeddedDefault
@Order(0)
class DemoStaffAccounts implements ApplicationRunner {

    private final StaffService staffService;

    DemoStaffAccounts(StaffService staffService) {
        this.staffService = staffService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (staffService.anyStaffExists()) {
            return;
        }
        staffService.createStaff("admin", "Ada Admin", Role.ADMIN, "textdesk-admin");
        staffService.createStaff("casey", "Casey Worker", Role.CASEWORKER, "textdesk-casey");
    }
}
