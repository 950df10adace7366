package org.textdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of DESIGN.md "Shape", checked on the compiled classes by Spring Modulith: one module
 * per top-level package under org.textdesk, whose top-level package is what other modules may use (its
 * sub-packages are its own), and no cycle between modules. The diagrams of src/docs/modules are written from
 * the same model (target/spring-modulith-docs; copied by hand when the modules change).
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(TextDeskApplication.class);

    @Test
    void theModulesAreTheCapabilitiesOfTheDesign() {
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString)).containsExactlyInAnyOrder(
                "alerts", "appointments", "caseload", "cases", "client", "conversation", "coverage", "grouptexts",
                "history", "inbox", "language", "live", "media",
                "quickentry", "reminders", "retention", "sandbox", "sending", "staff", "status", "system", "texts",
                "twilio", "twiliosetup");
    }

    @Test
    void everyArrowBetweenModulesPointsOneWayAndOnlyAtAnotherModulesTopLevelPackage() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(new File("target/spring-modulith-docs/components.puml")).content().contains("\"Twiliosetup\"", "\"Texts\"");
    }
}
