package org.textdesk.quickentry;

import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.textdesk.system.ConditionalOnEmbeddedDefault;

/**
 * The embedded default's Quick Entry messages: the three of the seed, as whole sentences. The seed's
 * screenshot cut them off ("Please make sure you..."); a demo database made before keeps those, so they
 * are completed here too.
 */
@Component
@ConditionalOnEmbeddedDefault
@Order(30)
class QuickEntryDemoData implements ApplicationRunner {

    static final List<String> SEED_TEXTS = List.of(
            "Please contact our office as soon as possible regarding case {case_number}.",
            "You have an upcoming meeting. Please make sure you bring your ID and any letters you received.",
            "You missed your appointment. Please contact our office to set a new time.");

    /** The texts as earlier demo databases hold them, cut off where the seed's screenshot was. */
    static final Map<String, String> CUT_OFF_TEXTS = Map.of(
            "Please contact our office as soon as possible regarding", SEED_TEXTS.get(0),
            "You have an upcoming meeting. Please make sure you...", SEED_TEXTS.get(1),
            "You missed your appointment. Please contact our office...", SEED_TEXTS.get(2));

    private final QuickEntryService quickEntryService;

    QuickEntryDemoData(QuickEntryService quickEntryService) {
        this.quickEntryService = quickEntryService;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<QuickEntryView> entries = quickEntryService.listQuickEntries();
        if (entries.isEmpty()) {
            SEED_TEXTS.forEach(quickEntryService::addQuickEntry);
            return;
        }
        for (QuickEntryView entry : entries) {
            String whole = CUT_OFF_TEXTS.get(entry.text());
            if (whole != null) {
                quickEntryService.changeQuickEntry(entry.id(), whole, quickEntryService.versionOf(entry.id()));
            }
        }
    }
}
