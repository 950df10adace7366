package org.textdesk.system;

import java.io.Serializable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-line message shown at the top of the next page after a post/redirect/get. It waits in the
 * HTTP session, which lives in the database (Spring Session JDBC): it must be serializable, and so must
 * its arguments (strings and numbers).
 */
public record Flash(String kind, String messageKey, Object[] arguments) implements Serializable {

    static final String ATTRIBUTE = "flash";

    public static void success(RedirectAttributes redirect, String messageKey, Object... arguments) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash("success", messageKey, arguments));
    }

    public static void error(RedirectAttributes redirect, String messageKey, Object... arguments) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash("error", messageKey, arguments));
    }
}
