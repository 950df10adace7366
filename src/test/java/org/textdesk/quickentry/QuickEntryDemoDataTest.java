package org.textdesk.quickentry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;

/**
 * The demo Quick Entries are whole sentences with Spanish versions, and a demo database holding the cut-off ones
 * gets them completed.
 */
class QuickEntryDemoDataTest extends IntegrationTest {

    @Autowired
    QuickEntryService quickEntryService;

    @Test
    void anEmptyListGetsThreeWholeSentences() {
        new QuickEntryDemoData(quickEntryService).run(null);

        assertThat(quickEntryService.listQuickEntries()).extracting(QuickEntryView::text).containsExactly(
                "Please contact our office as soon as possible regarding case {case_number}.",
                "You have an upcoming meeting. Please make sure you bring your ID and any letters you received.",
                "You missed your appointment. Please contact our office to set a new time.");
        assertThat(spanishVersions()).containsExactly(
                "Por favor, llame a nuestra oficina lo antes posible sobre el caso {case_number}.",
                "Tiene una cita. Traiga su identificación y las cartas que recibió.",
                "No vino a su cita. Por favor, llame a nuestra oficina para fijar una nueva hora.");
    }

    /** The Spanish versions in the entries' order. */
    private java.util.List<String> spanishVersions() {
        return jdbc.queryForList("select v.text from quick_entry_versions v join quick_entries e "
                + "on e.id = v.quick_entry_id where v.language_id = 2 order by e.position", String.class);
    }

    @Test
    void aDemoDatabaseMadeBeforeLanguagesGetsTheSpanishVersionsOfTheSeedsTextsOnly() {
        quickEntryService.addQuickEntry("You missed your appointment. Please contact our office to set a new time.");
        quickEntryService.addQuickEntry("Our office is closed on Friday.");

        new QuickEntryDemoData(quickEntryService).run(null);
        new QuickEntryDemoData(quickEntryService).run(null);

        assertThat(spanishVersions()).containsExactly(
                "No vino a su cita. Por favor, llame a nuestra oficina para fijar una nueva hora.");
    }

    @Test
    void theCutOffTextsOfAnEarlierDemoDatabaseAreCompletedAndOthersLeftAlone() {
        quickEntryService.addQuickEntry("You have an upcoming meeting. Please make sure you...");
        quickEntryService.addQuickEntry("Our office is closed on Friday.");
        quickEntryService.addQuickEntry("Please contact our office as soon as possible regarding");

        new QuickEntryDemoData(quickEntryService).run(null);

        assertThat(quickEntryService.listQuickEntries()).extracting(QuickEntryView::text).containsExactly(
                "You have an upcoming meeting. Please make sure you bring your ID and any letters you received.",
                "Our office is closed on Friday.",
                "Please contact our office as soon as possible regarding case {case_number}.");
        assertThat(spanishVersions()).containsExactly(
                "Tiene una cita. Traiga su identificación y las cartas que recibió.",
                "Por favor, llame a nuestra oficina lo antes posible sobre el caso {case_number}.");
    }
}
