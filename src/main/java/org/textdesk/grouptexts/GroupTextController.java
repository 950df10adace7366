package org.textdesk.grouptexts;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

/**
 * Group texts: the list, the form with its preview, the send (post/redirect/get to the group's page), the group's
 * page with its progress and report, its progress part (polled by the page), and cancel.
 */
@Controller
class GroupTextController {

    private static final String FORM = "grouptexts/new";

    private final GroupTexts groupTexts;

    GroupTextController(GroupTexts groupTexts) {
        this.groupTexts = groupTexts;
    }

    @GetMapping("/group-texts")
    String showGroupTexts(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        model.addAttribute("groups", groupTexts.listFor(staff));
        return "grouptexts/list";
    }

    @GetMapping("/group-texts/new")
    String showNewGroupText(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        GroupTextForm form = new GroupTextForm();
        form.setSendKey(UUID.randomUUID().toString());
        model.addAttribute("groupTextForm", form);
        return formPage(staff, model);
    }

    @PostMapping("/group-texts/preview")
    String processPreview(@AuthenticationPrincipal StaffPrincipal staff, @ModelAttribute GroupTextForm groupTextForm,
            BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                showPreview(groupTexts.preview(groupTextForm, staff), groupTextForm, model);
            } catch (FieldRuleException refused) {
                refused.rejectOn(result);
            }
        }
        return formPage(staff, model);
    }

    @PostMapping("/group-texts")
    String processSend(@AuthenticationPrincipal StaffPrincipal staff, @ModelAttribute GroupTextForm groupTextForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return formPage(staff, model);
        }
        try {
            long id = groupTexts.send(groupTextForm, staff);
            Flash.success(redirect, "groupTexts.queued");
            return "redirect:/group-texts/" + id;
        } catch (GroupTexts.RecipientsChanged changed) {
            result.reject("groupTexts.changed", new Object[] {groupTextForm.getPreviewedCount(),
                    changed.now().plan().gettingIt()}, null);
            showPreview(changed.now(), groupTextForm, model);
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
        }
        return formPage(staff, model);
    }

    @GetMapping("/group-texts/{groupId}")
    String showGroupText(@PathVariable("groupId") long id, @AuthenticationPrincipal StaffPrincipal staff,
            Model model) {
        model.addAttribute("report", groupTexts.report(id, staff));
        return "grouptexts/group";
    }

    /** The progress and the report alone, for the page's script to put in place (and to stop at the end). */
    @GetMapping("/group-texts/{groupId}/progress")
    String showProgress(@PathVariable("groupId") long id, @AuthenticationPrincipal StaffPrincipal staff,
            Model model) {
        model.addAttribute("report", groupTexts.report(id, staff));
        return "grouptexts/group :: progress";
    }

    @PostMapping("/group-texts/{groupId}/cancel")
    String processCancel(@PathVariable("groupId") long id, @AuthenticationPrincipal StaffPrincipal staff,
            RedirectAttributes redirect) {
        Flash.success(redirect, "groupTexts.cancelled", groupTexts.cancel(id, staff));
        return "redirect:/group-texts/" + id;
    }

    private String formPage(StaffPrincipal staff, Model model) {
        List<RecipientFilter> filters = groupTexts.filtersFor(staff);
        model.addAttribute("filters", filters);
        if (filters.stream().anyMatch(filter -> filter.argument() == RecipientFilter.Argument.CASEWORKER)) {
            model.addAttribute("caseworkers", groupTexts.caseworkers());
        }
        model.addAttribute("needsDay",
                filters.stream().anyMatch(filter -> filter.argument() == RecipientFilter.Argument.DAY));
        return FORM;
    }

    /** The preview, and what the confirmation must match. */
    private static void showPreview(GroupTextPreview preview, GroupTextForm form, Model model) {
        form.setFingerprint(preview.plan().fingerprint());
        form.setPreviewedCount((int) preview.plan().gettingIt());
        model.addAttribute("preview", preview);
    }
}
