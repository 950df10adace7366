package org.textdesk.sending;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;

/**
 * Send Text for other pages' reply boxes (the conversation thread): the same form, the same page data
 * (Case #, Quick Entry, why sending is blocked) and the same server path, {@link SendTextService#sendText},
 * so consent, Safe confirmation, the one-SMS rule and the send key's no-double-send hold there as here.
 */
@Component
public class Replies {

    private final SendTextService sendTextService;
    private final SendTextPages sendTextPages;

    Replies(SendTextService sendTextService, SendTextPages sendTextPages) {
        this.sendTextService = sendTextService;
        this.sendTextPages = sendTextPages;
    }

    /** A blank reply with a fresh send key and the case Send Text would preselect. */
    public SendTextForm newForm(long clientId) {
        SendTextForm form = new SendTextForm();
        form.setSendKey(UUID.randomUUID().toString());
        sendTextPages.preselectCase(form, clientId);
        return form;
    }

    /** What the Send Text form shows besides what was typed. */
    public SendTextPage page(long clientId, StaffPrincipal staff) {
        return sendTextPages.pageFor(clientId, staff);
    }

    /**
     * Sends the reply as Send Text does; a form posted again returns the text the first post sent.
     *
     * @return the text message's id
     * @throws FieldRuleException when a rule refuses it; nothing was written or sent then
     */
    public long send(long clientId, SendTextForm form, StaffPrincipal staff) {
        return sendTextService.sendText(clientId, form, staff).messageId();
    }
}
