package org.textdesk.appointments;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.language.Languages;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

/** The admin's Reminders page: reminder plans (when) and reminder texts (what, per language). */
@Controller
class ReminderAdminController {

    private static final String PAGE = "appointments/reminders";
    private static final String TEXT_FORM = "appointments/reminder-text";

    /** A plan as typed: kind DAYS (days before, at a time) or HOURS (hours before), and its text. */
    static class PlanForm {
        private String kind = "DAYS";
        private Integer daysBefore;
        private String atTime = "";
        private Integer hoursBefore;
        private Long textId;

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public Integer getDaysBefore() {
            return daysBefore;
        }

        public void setDaysBefore(Integer daysBefore) {
            this.daysBefore = daysBefore;
        }

        public String getAtTime() {
            return atTime;
        }

        public void setAtTime(String atTime) {
            this.atTime = atTime == null ? "" : atTime;
        }

        public Integer getHoursBefore() {
            return hoursBefore;
        }

        public void setHoursBefore(Integer hoursBefore) {
            this.hoursBefore = hoursBefore;
        }

        public Long getTextId() {
            return textId;
        }

        public void setTextId(Long textId) {
            this.textId = textId;
        }
    }

    /** A reminder text as typed: its name, English text and versions by language id. */
    static class TextForm {
        private String name = "";
        private String text = "";
        private Map<Long, String> versions = new LinkedHashMap<>();
        private Long version;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name == null ? "" : name;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text == null ? "" : text;
        }

        public Map<Long, String> getVersions() {
            return versions;
        }

        public void setVersions(Map<Long, String> versions) {
            this.versions = versions == null ? new LinkedHashMap<>() : versions;
        }

        public Long getVersion() {
            return version;
        }

        public void setVersion(Long version) {
            this.version = version;
        }
    }

    private final ReminderSettings settings;
    private final Languages languages;

    ReminderAdminController(ReminderSettings settings, Languages languages) {
        this.settings = settings;
        this.languages = languages;
    }

    @GetMapping("/admin/reminders")
    String showReminders(Model model) {
        model.addAttribute("planForm", new PlanForm());
        return page(model);
    }

    @PostMapping("/admin/reminders/plans")
    String addPlan(@ModelAttribute PlanForm planForm, BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(model);
        }
        try {
            settings.addPlan(ReminderTiming.of(planForm.getKind(), planForm.getDaysBefore(),
                    ReminderSettings.time(planForm.getAtTime()), planForm.getHoursBefore()), planForm.getTextId());
            Flash.success(redirect, "appointments.plan.added");
            return "redirect:/admin/reminders";
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return page(model);
        }
    }

    @PostMapping("/admin/reminders/plans/{planId}/switch-off")
    String switchOff(@PathVariable long planId, RedirectAttributes redirect) {
        settings.switchOff(planId);
        Flash.success(redirect, "appointments.plan.switchedOff");
        return "redirect:/admin/reminders";
    }

    @GetMapping("/admin/reminders/texts/new")
    String showNewText(Model model) {
        model.addAttribute("textForm", new TextForm());
        return textForm(model, null);
    }

    @PostMapping("/admin/reminders/texts/new")
    String addText(@ModelAttribute TextForm textForm, BindingResult result, Model model, RedirectAttributes redirect) {
        return saveText(null, textForm, result, model, redirect);
    }

    @GetMapping("/admin/reminders/texts/{textId}/edit")
    String showEditText(@PathVariable long textId, Model model) {
        ReminderSettings.ReminderText text = settings.text(textId);
        TextForm form = new TextForm();
        form.setName(text.name());
        form.setText(text.text());
        form.setVersions(new LinkedHashMap<>(text.versions()));
        form.setVersion(text.version());
        model.addAttribute("textForm", form);
        return textForm(model, textId);
    }

    @PostMapping("/admin/reminders/texts/{textId}/edit")
    String changeText(@PathVariable long textId, @ModelAttribute TextForm textForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        settings.text(textId);
        return saveText(textId, textForm, result, model, redirect);
    }

    private String saveText(Long textId, TextForm textForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return textForm(model, textId);
        }
        try {
            settings.saveText(textId, textForm.getVersion(), textForm.getName(), textForm.getText(),
                    textForm.getVersions());
            Flash.success(redirect, "appointments.text.saved", textForm.getName().strip());
            return "redirect:/admin/reminders";
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return textForm(model, textId);
        }
    }

    private String page(Model model) {
        model.addAttribute("plans", settings.activePlans());
        model.addAttribute("texts", settings.texts());
        model.addAttribute("languagesById", languages.languagesById());
        return PAGE;
    }

    private String textForm(Model model, Long textId) {
        model.addAttribute("textId", textId);
        model.addAttribute("otherLanguages", languages.listLanguages().stream()
                .filter(language -> !language.isEnglish()).toList());
        model.addAttribute("placeholders", String.join(", ", ReminderWording.PLACEHOLDERS));
        return TEXT_FORM;
    }
}
