package org.textdesk.staff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.textdesk.system.FieldRuleException;

/** Without any staff account nobody could log in: create the first admin, or say how to. */
@Component
@Order(10)
class FirstAdminInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

    private final StaffService staffService;
    private final AdminAccountProperties firstAdmin;

    FirstAdminInitializer(StaffService staffService, AdminAccountProperties firstAdmin) {
        this.staffService = staffService;
        this.firstAdmin = firstAdmin;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (staffService.anyStaffExists()) {
            return;
        }
        if (!firstAdmin.isGiven()) {
            log.warn("No staff account exists, so nobody can log in. Set TEXTDESK_ADMIN_USERNAME and "
                    + "TEXTDESK_ADMIN_PASSWORD (at least {} characters) and restart to create the first admin.",
                    PasswordPolicy.MIN_LENGTH);
            return;
        }
        try {
            staffService.createStaff(firstAdmin.username(), "Administrator", Role.ADMIN, firstAdmin.password());
            log.info("First admin account {} created from TEXTDESK_ADMIN_USERNAME", firstAdmin.username());
        } catch (FieldRuleException refused) {
            log.error("The first admin was not created: TEXTDESK_ADMIN_PASSWORD must be at least {} characters "
                    + "and TEXTDESK_ADMIN_USERNAME 3 to 64 letters, digits, dots, dashes or underscores ({}).",
                    PasswordPolicy.MIN_LENGTH, refused.messageKey());
        }
    }
}
