package org.textdesk.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The caseworker's day starts at the Clients list. */
@Controller
class HomeController {

    @GetMapping("/")
    String showHome() {
        return "redirect:/clients";
    }
}
