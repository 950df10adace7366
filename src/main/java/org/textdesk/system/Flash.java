package org.textdesk.system;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-line message shown at the top of the next page after a post/redirect/get. */
public record Flash(String kind, String messageKey, Object[] arguments) {

    static final String ATTRIBUTE = "flash";

    public static void success(RedirectAttributes redirect, String messageKey, Object... arguments) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash("success", messageKey, arguments));
    }

    public static void error(RedirectAttributes redirect, String messageKey, Object... arguments) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash("error", messageKey, arguments));
    }
}
