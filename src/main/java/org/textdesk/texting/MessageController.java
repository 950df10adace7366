package org.textdesk.texting;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class MessageController {

    private final MessagePages messagePages;

    MessageController(MessagePages messagePages) {
        this.messagePages = messagePages;
    }

    @GetMapping("/texts/{messageId}")
    String showMessage(@PathVariable long messageId, Model model) {
        model.addAttribute("details", messagePages.details(messageId));
        return "texting/message";
    }
}
