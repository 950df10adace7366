package org.textdesk.media;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.Flash;

/** The media option on the Twilio Setup page (admins only: /admin/**), saved on its own. */
@Controller
class MediaSettingsController {

    private final MediaSettings settings;

    MediaSettingsController(MediaSettings settings) {
        this.settings = settings;
    }

    @PostMapping("/admin/twilio/pictures")
    String savePictureOption(@RequestParam(defaultValue = "false") boolean deleteAtTwilio,
            @AuthenticationPrincipal StaffPrincipal admin, RedirectAttributes redirect) {
        settings.change(deleteAtTwilio, admin.id());
        Flash.success(redirect, deleteAtTwilio ? "media.settings.savedDelete" : "media.settings.savedKeep");
        return "redirect:/admin/twilio";
    }
}
