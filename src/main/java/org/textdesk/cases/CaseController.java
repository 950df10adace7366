package org.textdesk.cases;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.client.ClientService;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

@Controller
class CaseController {

    private static final String FORM = "cases/form";

    private final CaseService caseService;
    private final ClientService clientService;

    private final CaseRecentTexts caseRecentTexts;
    private final CaseAppointments caseAppointments;

    CaseController(CaseService caseService, ClientService clientService, CaseRecentTexts caseRecentTexts,
            CaseAppointments caseAppointments) {
        this.caseAppointments = caseAppointments;
        this.caseRecentTexts = caseRecentTexts;
        this.caseService = caseService;
        this.clientService = clientService;
    }

    @InitBinder("caseForm")
    void checkCaseNumbersAndDates(WebDataBinder binder) {
        binder.addValidators(new CaseFormValidator());
    }

    @GetMapping("/clients/{clientId}/cases/new")
    String showNewCaseForm(@PathVariable long clientId, Model model) {
        model.addAttribute("client", clientService.findClient(clientId));
        model.addAttribute("caseForm", CaseForm.openingOn(caseService.today()));
        return FORM;
    }

    @PostMapping("/clients/{clientId}/cases/new")
    String processNewCaseForm(@PathVariable long clientId, @Valid @ModelAttribute CaseForm caseForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("client", clientService.findClient(clientId));
            return FORM;
        }
        try {
            CaseRecord caseRecord = caseService.openCase(clientId, caseForm.getCaseNumber(), caseForm.getTitle(),
                    caseForm.getOpenedOn(), caseForm.getClosedOn());
            Flash.success(redirect, "case.created", caseRecord.getCaseNumber());
            return "redirect:/clients/" + clientId;
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            model.addAttribute("client", clientService.findClient(clientId));
            return FORM;
        }
    }

    @GetMapping("/cases/{caseId}")
    String showCase(@PathVariable long caseId, Model model) {
        CaseService.CaseWithClient found = caseService.caseWithClient(caseId);
        model.addAttribute("caseRecord", found.caseRecord());
        model.addAttribute("client", found.client());
        model.addAttribute("recentTexts", caseRecentTexts.recentTextsOf(found.caseRecord()));
        model.addAttribute("appointments", caseAppointments.sectionOf(found.caseRecord()));
        return "cases/show";
    }

    @GetMapping("/cases/{caseId}/edit")
    String showEditCaseForm(@PathVariable long caseId, Model model) {
        CaseService.CaseWithClient found = caseService.caseWithClient(caseId);
        model.addAttribute("caseForm", CaseForm.of(found.caseRecord()));
        return showForm(found, model);
    }

    @PostMapping("/cases/{caseId}/edit")
    String processEditCaseForm(@PathVariable long caseId, @Valid @ModelAttribute CaseForm caseForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return showForm(caseService.caseWithClient(caseId), model);
        }
        try {
            caseService.updateCase(caseId, caseForm.getVersion() == null ? -1 : caseForm.getVersion(),
                    caseForm.getCaseNumber(), caseForm.getTitle(), caseForm.getOpenedOn(), caseForm.getClosedOn());
            Flash.success(redirect, "case.saved", caseForm.getCaseNumber());
            return "redirect:/cases/" + caseId;
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return showForm(caseService.caseWithClient(caseId), model);
        } catch (CaseChangedException changedMeanwhile) {
            // Keep what this person typed; show what the other person saved; a second save is deliberate.
            CaseService.CaseWithClient saved = caseService.caseWithClient(caseId);
            result.reject("case.changedMeanwhile");
            caseForm.setVersion(saved.caseRecord().getVersion());
            model.addAttribute("savedMeanwhile", saved.caseRecord());
            return showForm(saved, model);
        }
    }

    private static String showForm(CaseService.CaseWithClient found, Model model) {
        model.addAttribute("caseRecord", found.caseRecord());
        model.addAttribute("client", found.client());
        return FORM;
    }
}
