package org.textdesk.staff;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.Flash;

@Controller
@RequestMapping("/admin/staff")
class StaffAdminController {

    private final StaffService staffService;

    StaffAdminController(StaffService staffService) {
        this.staffService = staffService;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping
    String listStaff(Model model) {
        model.addAttribute("staffMembers", staffService.listStaff());
        return "staff/list";
    }

    @GetMapping("/new")
    String showNewStaffForm(Model model) {
        model.addAttribute("newStaffForm", new NewStaffForm());
        return "staff/new";
    }

    @PostMapping("/new")
    String processNewStaffForm(@Valid @ModelAttribute NewStaffForm newStaffForm, BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return "staff/new";
        }
        try {
            Staff staff = staffService.createStaff(newStaffForm.getUsername(), newStaffForm.getDisplayName(),
                    newStaffForm.getRole(), newStaffForm.getPassword(), newStaffForm.getEmail());
            Flash.success(redirect, "staff.created", staff.getUsername());
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            return "staff/new";
        }
        return "redirect:/admin/staff";
    }

    @PostMapping("/{staffId}/enabled")
    String processEnabledChange(@PathVariable long staffId, @RequestParam boolean enabled,
            @AuthenticationPrincipal StaffPrincipal actor, RedirectAttributes redirect) {
        try {
            staffService.setEnabled(staffId, enabled, actor);
            Flash.success(redirect, enabled ? "staff.enabled" : "staff.disabled",
                    staffService.findStaff(staffId).getUsername());
        } catch (FieldRuleException refused) {
            Flash.error(redirect, refused.messageKey());
        }
        return "redirect:/admin/staff";
    }

    @PostMapping("/{staffId}/role")
    String processRoleChange(@PathVariable long staffId, @RequestParam Role role,
            @AuthenticationPrincipal StaffPrincipal actor, RedirectAttributes redirect) {
        try {
            staffService.changeRole(staffId, role, actor);
            Flash.success(redirect, "staff.roleChanged", staffService.findStaff(staffId).getUsername());
        } catch (FieldRuleException refused) {
            Flash.error(redirect, refused.messageKey());
        }
        return "redirect:/admin/staff";
    }

    @GetMapping("/{staffId}/password")
    String showPasswordResetForm(@PathVariable long staffId, Model model) {
        model.addAttribute("staffMember", staffService.findStaff(staffId));
        model.addAttribute("passwordResetForm", new PasswordResetForm());
        return "staff/password";
    }

    @PostMapping("/{staffId}/password")
    String processPasswordResetForm(@PathVariable long staffId, @ModelAttribute PasswordResetForm passwordResetForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            staffService.resetPassword(staffId, passwordResetForm.getPassword());
        } catch (FieldRuleException refused) {
            refused.rejectOn(result);
            model.addAttribute("staffMember", staffService.findStaff(staffId));
            return "staff/password";
        }
        Flash.success(redirect, "staff.passwordReset", staffService.findStaff(staffId).getUsername());
        return "redirect:/admin/staff";
    }
}
