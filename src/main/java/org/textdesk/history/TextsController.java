package org.textdesk.history;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.textdesk.client.ClientAccess;
import org.textdesk.reminders.ScheduledRows;
import org.textdesk.retention.ExportRecords;
import org.textdesk.staff.StaffPrincipal;

/**
 * Texts: a client's timeline, a case's texts, and a case's texts for the case file (CSV and print). Every CSV
 * export and printable page opened is recorded before it is served (retention.ExportRecords).
 */
@Controller
class TextsController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final TextsPages textsPages;
    private final CaseTextsCsv caseTextsCsv;
    private final ExportRecords exportRecords;
    private final ScheduledRows scheduledRows;

    private final ClientAccess access;

    TextsController(TextsPages textsPages, CaseTextsCsv caseTextsCsv, ExportRecords exportRecords,
            ScheduledRows scheduledRows, ClientAccess access) {
        this.access = access;
        this.textsPages = textsPages;
        this.caseTextsCsv = caseTextsCsv;
        this.exportRecords = exportRecords;
        this.scheduledRows = scheduledRows;
    }

    @GetMapping("/clients/{clientId}/texts")
    String showClientTexts(@PathVariable long clientId, @ModelAttribute TextsFilter textsFilter,
            BindingResult ignoredBadValues, @AuthenticationPrincipal StaffPrincipal staff, Model model) {
        TextsPage timeline = textsPages.clientTexts(clientId, textsFilter.getCaseId(), textsFilter.getPage(),
                staff.id());
        access.opened(staff, clientId, ClientAccess.Opening.TEXTS);
        textsFilter.setCaseId(timeline.caseRecord() == null ? null : timeline.caseRecord().getId());
        model.addAttribute("timeline", timeline);
        // texts waiting to go (reminders) above the sent ones, with edit and cancel
        model.addAttribute("scheduled", scheduledRows.waitingOfClient(clientId));
        return "history/texts";
    }

    @GetMapping("/cases/{caseId}/texts")
    String showCaseTexts(@PathVariable long caseId, @ModelAttribute TextsFilter textsFilter,
            BindingResult ignoredBadValues, Model model) {
        model.addAttribute("timeline", textsPages.caseTexts(caseId, textsFilter.getPage()));
        return "history/texts";
    }

    @GetMapping("/cases/{caseId}/texts.csv")
    ResponseEntity<byte[]> exportCaseTexts(@PathVariable long caseId, @AuthenticationPrincipal StaffPrincipal staff) {
        CaseTexts caseTexts = textsPages.caseExport(caseId);
        exportRecords.record(staff.id(), ExportRecords.Kind.CSV, caseId, caseTexts.client().getId());
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(CaseTextsCsv.fileName(caseTexts)).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(caseTextsCsv.write(caseTexts));
    }

    @GetMapping("/cases/{caseId}/texts/print")
    String printCaseTexts(@PathVariable long caseId, @AuthenticationPrincipal StaffPrincipal staff, Model model) {
        CaseTexts caseTexts = textsPages.caseExport(caseId);
        exportRecords.record(staff.id(), ExportRecords.Kind.PRINT, caseId, caseTexts.client().getId());
        model.addAttribute("caseTexts", caseTexts);
        return "history/print";
    }
}
