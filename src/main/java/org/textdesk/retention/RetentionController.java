package org.textdesk.retention;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

/** The Retention settings page and the record of exports (admins only: /admin/**). */
@Controller
class RetentionController {

    private final RetentionSettings settings;
    private final ExportRecords exportRecords;

    RetentionController(RetentionSettings settings, ExportRecords exportRecords) {
        this.settings = settings;
        this.exportRecords = exportRecords;
    }

    @GetMapping("/admin/retention")
    String showRetentionSettings(Model model) {
        model.addAttribute("retentionSettingsForm", RetentionSettingsForm.of(settings.current()));
        return "retention/settings";
    }

    @PostMapping("/admin/retention")
    String saveRetentionSettings(@ModelAttribute RetentionSettingsForm retentionSettingsForm, BindingResult result,
            @AuthenticationPrincipal StaffPrincipal admin, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "retention/settings";
        }
        KeepMonths keep;
        try {
            keep = KeepMonths.parse(retentionSettingsForm.getKeepMonths());
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return "retention/settings";
        }
        settings.change(new RetentionPolicy(keep, retentionSettingsForm.isDeleteAtTwilio()), admin.id());
        if (keep.forever()) {
            Flash.success(redirect, "retention.savedForever");
        } else {
            Flash.success(redirect, "retention.savedMonths", keep.months());
        }
        return "redirect:/admin/retention";
    }

    @GetMapping("/admin/exports")
    String listExportRecords(@RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("exportRecords", exportRecords.page(Math.max(1, page)));
        return "retention/exports";
    }
}
