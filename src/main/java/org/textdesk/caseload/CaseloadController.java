package org.textdesk.caseload;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.Flash;

/**
 * Moving clients between caseloads: one client from its record (its caseworker or an admin; anyone claims
 * an unassigned client), or all of a caseworker's clients from the admin page Caseloads.
 */
@Controller
class CaseloadController {

    private static final String ADMIN_PAGE = "clients/caseloads";

    private final Caseloads caseloads;
    private final ClientService clientService;
    private final CaseloadRestriction restriction;
    private final java.time.Clock clock;

    CaseloadController(Caseloads caseloads, ClientService clientService, CaseloadRestriction restriction,
            java.time.Clock clock) {
        this.caseloads = caseloads;
        this.clientService = clientService;
        this.restriction = restriction;
        this.clock = clock;
    }

    @PostMapping("/clients/{clientId}/caseworker")
    String processTransfer(@PathVariable long clientId, @RequestParam(required = false) String staffId,
            @AuthenticationPrincipal StaffPrincipal actor, RedirectAttributes redirect) {
        Client client = clientService.findClient(clientId);
        try {
            Staff to = caseloads.transfer(clientId, staffId, actor);
            Flash.success(redirect, "caseload.transferred", client.getFullName(), to.getDisplayName());
        } catch (CaseloadRefusedException refused) {
            Flash.error(redirect, refused.messageKey(), refused.arguments());
        }
        return "redirect:/clients/" + clientId;
    }

    @PostMapping("/clients/{clientId}/caseworker/claim")
    String processClaim(@PathVariable long clientId, @AuthenticationPrincipal StaffPrincipal actor,
            RedirectAttributes redirect) {
        Client client = clientService.findClient(clientId);
        try {
            caseloads.claim(clientId, actor);
            Flash.success(redirect, "caseload.claimed", client.getFullName());
        } catch (CaseloadRefusedException refused) {
            Flash.error(redirect, refused.messageKey(), refused.arguments());
        }
        return "redirect:/clients/" + clientId;
    }

    @GetMapping("/admin/caseloads")
    String showCaseloads(Model model) {
        model.addAttribute("transferAllForm", new TransferAllForm());
        return adminPage(model);
    }

    @PostMapping("/admin/caseloads")
    String processTransferAll(@ModelAttribute TransferAllForm transferAllForm, BindingResult result,
            @AuthenticationPrincipal StaffPrincipal actor, Model model, RedirectAttributes redirect) {
        try {
            int moved = caseloads.transferAll(transferAllForm.getFromStaffId(), transferAllForm.getToStaffId(), actor);
            Flash.success(redirect, "caseload.transferredAll", moved);
            return "redirect:/admin/caseloads";
        } catch (CaseloadRefusedException refused) {
            result.rejectValue("toStaffId", refused.messageKey(), refused.arguments(), refused.messageKey());
            return adminPage(model);
        }
    }

    /** Restricted caseloads on or off (a checkbox: absent is off). */
    @PostMapping("/admin/caseloads/restriction")
    String processRestriction(@RequestParam(defaultValue = "false") boolean restricted,
            @AuthenticationPrincipal StaffPrincipal admin, RedirectAttributes redirect) {
        restriction.set(restricted, admin.id(), clock.instant());
        Flash.success(redirect, restricted ? "caseload.restriction.on" : "caseload.restriction.off");
        return "redirect:/admin/caseloads";
    }

    private String adminPage(Model model) {
        model.addAttribute("restricted", restriction.isOn());
        model.addAttribute("staffMembers", caseloads.allStaff());
        model.addAttribute("activeStaff", caseloads.activeStaff());
        model.addAttribute("clientCounts", caseloads.clientCounts());
        return ADMIN_PAGE;
    }

    /** Caseloads' form: whose clients, to whom (ids as typed, checked by {@link Caseloads#transferAll}). */
    static class TransferAllForm {

        private String fromStaffId = "";
        private String toStaffId = "";

        public String getFromStaffId() {
            return fromStaffId;
        }

        public void setFromStaffId(String fromStaffId) {
            this.fromStaffId = fromStaffId == null ? "" : fromStaffId;
        }

        public String getToStaffId() {
            return toStaffId;
        }

        public void setToStaffId(String toStaffId) {
            this.toStaffId = toStaffId == null ? "" : toStaffId;
        }
    }
}
