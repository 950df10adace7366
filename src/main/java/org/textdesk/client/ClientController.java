package org.textdesk.client;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.language.Languages;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.Choice;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

@Controller
@RequestMapping("/clients")
class ClientController {

    private static final String FORM = "clients/form";

    private final ClientService clientService;
    private final ClientCases clientCases;
    private final ClientTextingSummaries textingSummaries;
    private final Languages languages;
    private final ClientCaseload caseload;
    private final ClientAppointments appointments;
    private final ClientAccess access;

    ClientController(ClientService clientService, ClientCases clientCases,
            ClientTextingSummaries textingSummaries, Languages languages, ClientCaseload caseload,
            ClientAccess access, ClientAppointments appointments) {
        this.access = access;
        this.appointments = appointments;
        this.languages = languages;
        this.caseload = caseload;
        this.clientService = clientService;
        this.clientCases = clientCases;
        this.textingSummaries = textingSummaries;
    }

    @InitBinder("clientForm")
    void checkCellNumbers(WebDataBinder binder) {
        binder.addValidators(new ClientFormValidator());
    }

    @GetMapping
    String listClients(@ModelAttribute ClientSearchForm clientSearchForm, BindingResult ignoredBadPageNumber,
            @AuthenticationPrincipal StaffPrincipal actor, Model model) {
        boolean onlyMine = clientSearchForm.onlyMine(actor.seesEveryClient());
        clientSearchForm.setShow(onlyMine ? "mine" : "all");
        Page<Client> clients = clientService.searchClients(clientSearchForm.getQ(), onlyMine ? actor.id() : null,
                access.scopeOf(actor), clientSearchForm.getPage());
        model.addAttribute("clients", clients);
        model.addAttribute("texting", textingSummaries.summariesOf(clients.map(Client::getId).getContent()));
        return "clients/list";
    }

    @GetMapping("/new")
    String showNewClientForm(Model model) {
        model.addAttribute("clientForm", new ClientForm());
        return form(model);
    }

    @PostMapping("/new")
    String processNewClientForm(@Valid @ModelAttribute ClientForm clientForm, BindingResult result,
            @AuthenticationPrincipal StaffPrincipal actor, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return form(model);
        }
        try {
            Client client = clientService.createClient(clientForm.details(), actor);
            Flash.success(redirect, "client.created", client.getFullName());
            return "redirect:/clients/" + client.getId();
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return form(model);
        }
    }

    @GetMapping("/{clientId}")
    String showClient(@PathVariable long clientId, @AuthenticationPrincipal StaffPrincipal actor, Model model) {
        Client client = clientService.findClient(clientId);
        access.opened(actor, clientId, ClientAccess.Opening.RECORD);
        model.addAttribute("client", client);
        model.addAttribute("language", languages.findLanguage(client.getLanguageId()));
        model.addAttribute("caseload", caseload.sectionOf(client.getId(), client.getCaseworkerId(), actor));
        model.addAttribute("consentHistory", clientService.consentHistory(clientId));
        model.addAttribute("cases", clientCases.casesOf(clientId));
        model.addAttribute("appointments", appointments.sectionOf(clientId));
        model.addAttribute("texting", textingSummaries.summariesOf(List.of(clientId)).get(clientId));
        model.addAttribute("recentTexts", textingSummaries.recentTextsOf(clientId));
        return "clients/record";
    }

    @GetMapping("/{clientId}/edit")
    String showEditClientForm(@PathVariable long clientId, Model model) {
        Client client = clientService.findClient(clientId);
        model.addAttribute("client", client);
        model.addAttribute("clientForm", ClientForm.of(client));
        return form(model);
    }

    @PostMapping("/{clientId}/edit")
    String processEditClientForm(@PathVariable long clientId, @Valid @ModelAttribute ClientForm clientForm,
            BindingResult result, @AuthenticationPrincipal StaffPrincipal actor, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("client", clientService.findClient(clientId));
            return form(model);
        }
        try {
            ClientService.ClientEdit edit = clientService.updateClient(clientId, versionOf(clientForm),
                    clientForm.details(), actor);
            Flash.success(redirect, edit.okayToTextDropped() ? "client.savedOkayToTextUnticked" : "client.saved",
                    edit.client().getFullName());
            return "redirect:/clients/" + clientId;
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            model.addAttribute("client", clientService.findClient(clientId));
            return form(model);
        } catch (ClientChangedException changedMeanwhile) {
            // Keep what this person typed; show what the other person saved; a second save is deliberate.
            Client saved = clientService.findClient(clientId);
            result.reject("client.changedMeanwhile");
            clientForm.setVersion(saved.getVersion());
            model.addAttribute("client", saved);
            model.addAttribute("savedMeanwhile", saved);
            model.addAttribute("savedMeanwhileLanguage", languages.findLanguage(saved.getLanguageId()));
            return form(model);
        }
    }

    /** The client form, with its Preferred language choices: English first, then the others by name. */
    private String form(Model model) {
        model.addAttribute("languageChoices", languages.listLanguages().stream()
                .map(language -> Choice.of(language.id(), language.name())).toList());
        return FORM;
    }

    private static long versionOf(ClientForm form) {
        return form.getVersion() == null ? -1 : form.getVersion();
    }
}
