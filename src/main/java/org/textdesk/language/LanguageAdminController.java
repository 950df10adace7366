package org.textdesk.language;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

/** The Languages page: the list, with the form that adds one under it. */
@Controller
@RequestMapping("/admin/languages")
class LanguageAdminController {

    private static final String PAGE = "language/languages";

    private final Languages languages;

    LanguageAdminController(Languages languages) {
        this.languages = languages;
    }

    @GetMapping
    String listLanguages(Model model) {
        model.addAttribute("languageForm", new LanguageForm());
        model.addAttribute("languages", languages.listLanguages());
        return PAGE;
    }

    @PostMapping
    String processAddForm(@ModelAttribute LanguageForm languageForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        try {
            LanguageView added = languages.addLanguage(languageForm.getName(), languageForm.getCode());
            Flash.success(redirect, "language.added", added.name());
            return "redirect:/admin/languages";
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            model.addAttribute("languages", languages.listLanguages());
            return PAGE;
        }
    }
}
