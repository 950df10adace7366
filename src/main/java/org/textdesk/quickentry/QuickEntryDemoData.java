package org.textdesk.quickentry;

import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.textdesk.language.Languages;
import org.textdesk.system.ConditionalOnEmbeddedDefault;

/**
 * The embedded default's Quick Entry messages: the three of the seed, as whole sentences, each with a Spanish
 * version. The seed's screenshot cut them off ("Please make sure you..."); a demo database made before keeps
 * those, so they are completed here too, and the seed's texts get their Spanish versions.
 */
@Component
@ConditionalOnEmbeddedDefault
@Order(30)
class QuickEntryDemoData implements ApplicationRunner {

    static final List<String> SEED_TEXTS = List.of(
            "Please contact our office as soon as possible regarding case {case_number}.",
            "You have an upcoming meeting. Please make sure you bring your ID and any letters you received.",
            "You missed your appointment. Please contact our office to set a new time.");

    /**
     * The Spanish versions of {@link #SEED_TEXTS}, in the same order. The first and last use only letters of the
     * GSM 7-bit alphabet, so they hold 160 characters; the second has "ó", which is not in it, so it is a Unicode
     * text of at most 70 (66 here).
     */
    static final List<String> SPANISH_TEXTS = List.of(
            "Por favor, llame a nuestra oficina lo antes posible sobre el caso {case_number}.",
            "Tiene una cita. Traiga su identificación y las cartas que recibió.",
            "No vino a su cita. Por favor, llame a nuestra oficina para fijar una nueva hora.");

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
            for (int i = 0; i < SEED_TEXTS.size(); i++) {
                quickEntryService.addQuickEntry(SEED_TEXTS.get(i), Map.of(Languages.SPANISH_ID, SPANISH_TEXTS.get(i)));
            }
            return;
        }
        for (QuickEntryView entry : entries) {
            String text = CUT_OFF_TEXTS.getOrDefault(entry.text(), entry.text());
            int seed = SEED_TEXTS.indexOf(text);
            Map<Long, String> versions = quickEntryService.versionsOf(entry.id());
            boolean addSpanish = seed >= 0 && !versions.containsKey(Languages.SPANISH_ID);
            if (!text.equals(entry.text()) || addSpanish) {
                quickEntryService.changeQuickEntry(entry.id(), text,
                        addSpanish ? Map.of(Languages.SPANISH_ID, SPANISH_TEXTS.get(seed)) : Map.of(),
                        quickEntryService.versionOf(entry.id()));
            }
        }
    }
}
