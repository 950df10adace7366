package org.textdesk.sending;

import java.util.function.LongConsumer;
import org.springframework.stereotype.Component;
import org.textdesk.reminders.ScheduledTextSender;

/** The send path of reminders' due texts: the one of Send Text ({@link SendTextService#sendDue}). */
@Component
class ScheduledTextSending implements ScheduledTextSender {

    private final SendTextService sendTextService;

    ScheduledTextSending(SendTextService sendTextService) {
        this.sendTextService = sendTextService;
    }

    @Override
    public SendResult send(DueText text, LongConsumer claim, Runnable beforeTwilio) {
        return sendTextService.sendDue(text, claim, beforeTwilio);
    }
}
