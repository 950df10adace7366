package org.textdesk.quickentry;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.textdesk.system.ConditionalOnEmbeddedDefault;

/** The embedded default's Quick Entry messages: the three shown in the seed. */
@Component
@ConditionalOnEmbeddedDefault
@Order(30)
class QuickEntryDemoData implements ApplicationRunner {

    static final List<String> SEED_TEXTS = List.of(
            "Please contact our office as soon as possible regarding",
            "You have an upcoming meeting. Please make sure you...",
            "You missed your appointment. Please contact our office...");

    private final QuickEntryService quickEntryService;

    QuickEntryDemoData(QuickEntryService quickEntryService) {
        this.quickEntryService = quickEntryService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!quickEntryService.listQuickEntries().isEmpty()) {
            return;
        }
        SEED_TEXTS.forEach(quickEntryService::addQuickEntry);
    }
}
