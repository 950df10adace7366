package org.textdesk.status;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.system.Flash;

/** "Refresh status" on a text's page: asks Twilio now, then shows the page again with what it said. */
@Controller
class StatusRefreshController {

    private final StatusReconciliation reconciliation;

    StatusRefreshController(StatusReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping("/texts/{messageId}/refresh-status")
    String refreshStatus(@PathVariable long messageId, RedirectAttributes redirect) {
        StatusReconciliation.RefreshResult result = reconciliation.refreshStatus(messageId);
        String key = switch (result.outcome()) {
            case CHANGED -> "texting.refresh.changed";
            case UNCHANGED -> "texting.refresh.unchanged";
            case NOT_FOUND_YET -> "texting.refresh.notFoundYet";
            case NOT_SENT -> "texting.refresh.notSent";
            case UNKNOWN_AT_TWILIO -> "texting.refresh.unknownAtTwilio";
            case UNAVAILABLE -> "texting.refresh.unavailable";
            case NOT_SET_UP -> "texting.refresh.notSetUp";
            case NOT_APPLICABLE -> "texting.refresh.notApplicable";
        };
        switch (result.outcome()) {
            case CHANGED, UNCHANGED, NOT_FOUND_YET -> Flash.success(redirect, key, result.status());
            default -> Flash.error(redirect, key, result.status());
        }
        return "redirect:/texts/" + messageId;
    }
}
