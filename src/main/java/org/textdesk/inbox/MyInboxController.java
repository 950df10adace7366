package org.textdesk.inbox;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.textdesk.client.ClientAccess;
import org.textdesk.staff.StaffPrincipal;

/**
 * My inbox (the unread texts from my clients) and Unassigned (texts from unknown numbers, to attach, and from
 * clients with no caseworker, to claim).
 */
@Controller
class MyInboxController {

    private final MyInbox myInbox;
    private final ClientAccess access;

    MyInboxController(MyInbox myInbox, ClientAccess access) {
        this.myInbox = myInbox;
        this.access = access;
    }

    @GetMapping("/inbox")
    String showMyInbox(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        model.addAttribute("texts", myInbox.unreadOf(staff.id()));
        model.addAttribute("covering", myInbox.coveringFor(staff.id()));
        return "inbox/mine";
    }

    @GetMapping("/inbox/unassigned")
    String showUnassigned(@AuthenticationPrincipal StaffPrincipal staff, Model model) {
        model.addAttribute("unknownNumbers", myInbox.fromUnknownNumbers());
        ClientAccess.Scope scope = access.scopeOf(staff);
        model.addAttribute("unassignedClients", myInbox.fromUnassignedClients(scope));
        model.addAttribute("unassignedHidden", !scope.everyClient());
        return "inbox/unassigned";
    }
}
