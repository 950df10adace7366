package org.textdesk.quickentry;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.language.Languages;
import org.textdesk.quickentry.QuickEntryService.Direction;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

@Controller
@RequestMapping("/admin/quick-entries")
class QuickEntryAdminController {

    static final String LIST = "redirect:/admin/quick-entries";

    private static final String FORM = "quickentry/form";

    private final QuickEntryService quickEntryService;
    private final Languages languages;

    QuickEntryAdminController(QuickEntryService quickEntryService, Languages languages) {
        this.quickEntryService = quickEntryService;
        this.languages = languages;
    }

    @GetMapping
    String listQuickEntries(Model model) {
        model.addAttribute("quickEntries", quickEntryService.listQuickEntries());
        model.addAttribute("versionLanguages", quickEntryService.versionLanguagesByEntry());
        return "quickentry/list";
    }

    @GetMapping("/new")
    String showNewForm(Model model) {
        model.addAttribute("quickEntryForm", new QuickEntryForm());
        return form(model);
    }

    @PostMapping("/new")
    String processNewForm(@ModelAttribute QuickEntryForm quickEntryForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model);
        }
        try {
            QuickEntryView added = quickEntryService.addQuickEntry(quickEntryForm.getText(),
                    quickEntryForm.getVersions());
            Flash.success(redirect, "quickEntry.added", added.position());
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return form(model);
        }
        return LIST;
    }

    @GetMapping("/{id}/edit")
    String showEditForm(@PathVariable long id, Model model) {
        model.addAttribute("quickEntryId", id);
        model.addAttribute("quickEntryForm", QuickEntryForm.of(quickEntryService.findQuickEntry(id),
                quickEntryService.versionsOf(id), quickEntryService.versionOf(id)));
        return form(model);
    }

    @PostMapping("/{id}/edit")
    String processEditForm(@PathVariable long id, @ModelAttribute QuickEntryForm quickEntryForm, BindingResult result,
            Model model, RedirectAttributes redirect) {
        model.addAttribute("quickEntryId", id);
        if (result.hasErrors()) {
            return form(model);
        }
        try {
            quickEntryService.changeQuickEntry(id, quickEntryForm.getText(), quickEntryForm.getVersions(),
                    quickEntryForm.getVersion());
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return form(model);
        }
        Flash.success(redirect, "quickEntry.changed");
        return LIST;
    }

    /** The form, with a box for the version in each language other than English. */
    private String form(Model model) {
        model.addAttribute("otherLanguages", languages.listLanguages().stream()
                .filter(language -> !language.isEnglish()).toList());
        return FORM;
    }

    @PostMapping("/{id}/move-up")
    String moveUp(@PathVariable long id, RedirectAttributes redirect) {
        return move(id, Direction.UP, redirect);
    }

    @PostMapping("/{id}/move-down")
    String moveDown(@PathVariable long id, RedirectAttributes redirect) {
        return move(id, Direction.DOWN, redirect);
    }

    private String move(long id, Direction direction, RedirectAttributes redirect) {
        try {
            quickEntryService.moveQuickEntry(id, direction);
        } catch (FieldRuleException refused) {
            Flash.error(redirect, refused.messageKey());
        }
        return LIST;
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable long id, Model model) {
        model.addAttribute("quickEntry", quickEntryService.findQuickEntry(id));
        return "quickentry/delete";
    }

    @PostMapping("/{id}/delete")
    String processDelete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            quickEntryService.deleteQuickEntry(id);
            Flash.success(redirect, "quickEntry.deleted");
        } catch (FieldRuleException refused) {
            Flash.error(redirect, refused.messageKey());
        }
        return LIST;
    }
}
