package org.textdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.textdesk.IntegrationTest;

@ExtendWith(OutputCaptureExtension.class)
class FirstAdminInitializerTest extends IntegrationTest {

    @Autowired
    StaffRepository staffRepository;

    @Test
    void createsTheFirstAdminFromTheEnvironmentWhenNoStaffExist(CapturedOutput output) {
        new FirstAdminInitializer(staffService, new AdminAccountProperties("boss", "first admin password"))
                .run(new DefaultApplicationArguments());
        Staff boss = staffRepository.findByUsernameIgnoreCase("boss").orElseThrow();
        assertThat(boss.getRole()).isEqualTo(Role.ADMIN);
        assertThat(output).doesNotContain("first admin password");
    }

    @Test
    void doesNothingWhenStaffExist() {
        newCaseworker();
        new FirstAdminInitializer(staffService, new AdminAccountProperties("boss", "first admin password"))
                .run(new DefaultApplicationArguments());
        assertThat(staffRepository.existsByUsernameIgnoreCase("boss")).isFalse();
    }

    @Test
    void saysHowToCreateOneWhenNeitherStaffNorVariablesExist(CapturedOutput output) {
        new FirstAdminInitializer(staffService, new AdminAccountProperties("", ""))
                .run(new DefaultApplicationArguments());
        assertThat(staffRepository.count()).isZero();
        assertThat(output).contains("TEXTDESK_ADMIN_USERNAME", "TEXTDESK_ADMIN_PASSWORD");
    }

    @Test
    void refusesATooShortFirstAdminPasswordAndSaysWhyWithoutPrintingIt(CapturedOutput output) {
        new FirstAdminInitializer(staffService, new AdminAccountProperties("boss", "secret1"))
                .run(new DefaultApplicationArguments());
        assertThat(staffRepository.count()).isZero();
        assertThat(output).contains("TEXTDESK_ADMIN_PASSWORD must be at least 10 characters")
                .doesNotContain("secret1");
    }
}
