package org.textdesk.quickentry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;

/** The demo Quick Entries are whole sentences, and a demo database holding the cut-off ones gets them completed. */
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
    }
}
