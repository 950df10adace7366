package org.textdesk.sending;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.quickentry.QuickEntryText;
import org.textdesk.reminders.DueTime;
import org.textdesk.reminders.ScheduledTextSender;
import org.textdesk.reminders.ScheduledTexts;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.NotFoundException;
import org.textdesk.system.OrganisationTime;
import org.textdesk.texts.ClientTextLinks;
import org.textdesk.texts.MessageStatus;
import org.textdesk.texts.SmsText;
import org.textdesk.texts.StatusHistory;
import org.textdesk.texts.TextMessage;
import org.textdesk.texts.TextMessageRepository;
import org.textdesk.texts.TwilioErrorCodes;
import org.textdesk.twilio.SendAttempt;
import org.textdesk.twilio.TwilioGateway;
import org.textdesk.twilio.TwilioSetup;
import org.textdesk.twiliosetup.TwilioSetupService;

/**
 * Sends one text: checks everything first, writes the message row, calls Twilio with no transaction
 * or connection held, then records what Twilio said. A send key seen before returns the earlier
 * message instead of sending again.
 */
@Service
class SendTextService {

    private static final Logger log = LoggerFactory.getLogger(SendTextService.class);
    private static final LongConsumer NOTHING_TO_CLAIM = messageId -> { };
    private static final Pattern SEND_KEY = Pattern.compile("[A-Za-z0-9:-]{8,64}");

    private final TextMessageRepository messages;
    private final ClientTextLinks clientTextLinks;
    private final StatusHistory statusHistory;
    private final ClientService clientService;
    private final CaseService caseService;
    private final TwilioSetupService twilioSetupService;
    private final TwilioGateway twilioGateway;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final SentTextRows sentTextRows;
    private final SendAttemptRecorder recorder;
    private final ScheduledTexts scheduledTexts;
    private final OrganisationTime organisationTime;

    SendTextService(TextMessageRepository messages, ClientTextLinks clientTextLinks, StatusHistory statusHistory,
            ClientService clientService, CaseService caseService, TwilioSetupService twilioSetupService,
            TwilioGateway twilioGateway, TransactionTemplate transaction, Clock clock, SentTextRows sentTextRows,
            SendAttemptRecorder recorder, ScheduledTexts scheduledTexts, OrganisationTime organisationTime) {
        this.scheduledTexts = scheduledTexts;
        this.organisationTime = organisationTime;
        this.sentTextRows = sentTextRows;
        this.recorder = recorder;
        this.messages = messages;
        this.clientTextLinks = clientTextLinks;
        this.statusHistory = statusHistory;
        this.clientService = clientService;
        this.caseService = caseService;
        this.twilioSetupService = twilioSetupService;
        this.twilioGateway = twilioGateway;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * A text handed to Twilio, or the one an earlier post of the same form sent.
     *
     * @param stillRecording Twilio answered but the answer is not recorded yet (the database failed): it is being
     *     recorded in the background, and the text must not be sent again
     */
    record SentText(long messageId, boolean stillRecording) {
    }

    /**
     * Sends the form's text to the client, or returns the message an earlier post of the same form sent.
     * Refusals are {@link FieldRuleException}s, before anything is written or sent.
     */
    SentText sendText(long clientId, SendTextForm form, StaffPrincipal staff) {
        String sendKey = validSendKey(form.getSendKey());
        Optional<Long> earlier = earlierMessage(sendKey, clientId);
        if (earlier.isPresent()) {
            return new SentText(earlier.get(), false);
        }
        PreparedText prepared;
        try {
            prepared = transaction.execute(status -> prepare(clientId, form, sendKey, staff.id(), NOTHING_TO_CLAIM));
        } catch (DataIntegrityViolationException sameFormPostedTwiceAtOnce) {
            return new SentText(earlierMessage(sendKey, clientId).orElseThrow(() -> sameFormPostedTwiceAtOnce), false);
        }
        SendAttempt attempt = twilioGateway.sendMessage(prepared.setup(), prepared.to(), prepared.body());
        boolean recorded = recorder.record(new SendAttemptRecorder.Answered(prepared.messageId(), clientId, attempt));
        log.info("Text {} to client {} by {}: {}{}", prepared.messageId(), clientId, staff.getUsername(), attempt,
                recorded ? "" : " (still being recorded)");
        return new SentText(prepared.messageId(), !recorded);
    }

    /**
     * Schedules the form's text for its Send at time (organisation's time zone), checked now as a text sent now
     * is, or changes the scheduled text the form edits; a repeated post of one form schedules once.
     */
    long scheduleText(long clientId, SendTextForm form, StaffPrincipal staff) {
        String sendKey = validSendKey(form.getSendKey());
        Optional<Long> earlier = form.getScheduledId() == null ? scheduledTexts.scheduledBySendKey(sendKey)
                : Optional.empty();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant dueAt = DueTime.parse(form.getSendDate(), form.getSendTime(), organisationTime.zone(), clock.instant());
        try {
            return transaction.execute(status -> {
                Client client = clientService.findClient(clientId);
                CheckedText checked = checked(client, twilioSetupService.currentSetup(), form);
                ScheduledTexts.NewText text = new ScheduledTexts.NewText(clientId, checked.caseId(), checked.body(),
                        dueAt, form.isConfirmNotSafe(), staff.id(), sendKey);
                if (form.getScheduledId() == null) {
                    return scheduledTexts.schedule(text);
                }
                if (scheduledTexts.visible(form.getScheduledId(), staff).clientId() != clientId) {
                    throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "another client's scheduled text");
                }
                scheduledTexts.change(form.getScheduledId(), text, staff);
                return form.getScheduledId();
            });
        } catch (DataIntegrityViolationException sameFormPostedTwiceAtOnce) {
            return scheduledTexts.scheduledBySendKey(sendKey).orElseThrow(() -> sameFormPostedTwiceAtOnce);
        }
    }

    /**
     * Sends a scheduled text that fell due through the same path as a text sent now: the rules checked again, the
     * message row written with {@code claim} in one transaction, Twilio called with none held.
     */
    ScheduledTextSender.SendResult sendDue(ScheduledTextSender.DueText due, LongConsumer claim,
            Runnable beforeTwilio) {
        SendTextForm form = new SendTextForm();
        form.setCaseId(due.caseId());
        form.setBody(due.body());
        form.setConfirmNotSafe(due.confirmNotSafe());
        PreparedText prepared;
        try {
            prepared = transaction.execute(status -> prepare(due.clientId(), form, due.sendKey(), due.staffId(), claim));
        } catch (FieldRuleException refused) {
            // the reason is shown without the refusal's arguments: those with arguments get words of their own
            return new ScheduledTextSender.SendResult(ScheduledTextSender.SendResult.Kind.HELD, null,
                    refused.arguments().length == 0 ? refused.messageKey() : "reminders.held.textRules");
        }
        beforeTwilio.run();
        SendAttempt attempt = twilioGateway.sendMessage(prepared.setup(), prepared.to(), prepared.body());
        recorder.record(new SendAttemptRecorder.Answered(prepared.messageId(), due.clientId(), attempt));
        log.info("Scheduled text {} sent as text {} to client {}: {}", due.scheduledId(), prepared.messageId(),
                due.clientId(), attempt);
        ScheduledTextSender.SendResult.Kind kind = switch (attempt.outcome()) {
            case ACCEPTED -> ScheduledTextSender.SendResult.Kind.ACCEPTED;
            case NO_ANSWER -> ScheduledTextSender.SendResult.Kind.NO_ANSWER;
            case REFUSED, NOT_REACHED -> ScheduledTextSender.SendResult.Kind.NOT_SENT;
        };
        return new ScheduledTextSender.SendResult(kind, prepared.messageId(), attempt.errorCode());
    }

    /** Sends a text that was not sent once more, as a new message; a second retry shows the first. */
    SentText retry(long messageId, StaffPrincipal staff) {
        TextMessage original = messages.findById(messageId)
                .orElseThrow(() -> new NotFoundException("text", messageId));
        if (!MessageStatus.NOT_SENT.equals(original.getStatus()) || original.getClientId() == null
                || original.bodyRemoved()) {
            throw FieldRuleException.ofForm("texting.retry.notNeeded");
        }
        SendTextForm again = new SendTextForm();
        again.setCaseId(original.getCaseId());
        again.setBody(original.getBody());
        again.setSendKey("retry-of-" + original.getId());
        again.setConfirmNotSafe(true);
        return sendText(original.getClientId(), again, staff);
    }

    private Optional<Long> earlierMessage(String sendKey, long clientId) {
        return sentTextRows.bySendKey(sendKey).map(earlier -> {
            if (!Long.valueOf(clientId).equals(earlier.clientId())) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "send key of another client's text");
            }
            return earlier.messageId();
        });
    }

    private PreparedText prepare(long clientId, SendTextForm form, String sendKey, long staffId,
            LongConsumer claim) {
        Client client = clientService.findClient(clientId);
        TwilioSetup setup = twilioSetupService.currentSetup();
        CheckedText checked = checked(client, setup, form);
        TextMessage message = TextMessage.outbound(clientId, checked.caseId(), client.getCellE164(),
                setup.twilioNumber(), checked.body(), staffId, sendKey, setup.statusCallbackUrl(),
                setup.messagingServiceSid(), clock.instant());
        long messageId = sentTextRows.insertOutbound(message);
        clientTextLinks.link(clientId, messageId, message.getCreatedAt());
        claim.accept(messageId);
        return new PreparedText(messageId, clientId, setup, client.getCellE164(), checked.body());
    }

    /** Every rule of a text to this client, now: Twilio Setup, Okay to Text and cell, case, one SMS, Safe. */
    private CheckedText checked(Client client, TwilioSetup setup, SendTextForm form) {
        if (!setup.canSend()) {
            throw FieldRuleException.ofForm(twilioSetupService.sendingBlockedReason().orElse("twilio.blocked.incomplete"));
        }
        client.textingBlockedReason().ifPresent(reason -> {
            throw FieldRuleException.ofForm(reason);
        });
        Long caseId = checkedCase(client, form.getCaseId());
        SmsText text = SmsText.of(form.getBody());
        if (text.text().isBlank()) {
            throw new FieldRuleException("body", "texting.body.required");
        }
        List<String> unfilled = QuickEntryText.unfilledPlaceholders(text.text());
        if (!unfilled.isEmpty()) {
            throw new FieldRuleException("body", unfilled.contains(QuickEntryText.CASE_NUMBER)
                    ? "texting.body.caseNumberMissing" : "texting.body.placeholderMissing", unfilled.get(0));
        }
        if (!text.fitsOneSegment()) {
            if (text.encoding() == SmsText.Encoding.GSM_7) {
                throw new FieldRuleException("body", "texting.body.tooLong", text.used(), text.limit());
            }
            throw new FieldRuleException("body", "texting.body.tooLongUnicode", text.firstNonGsmCharacter(),
                    text.limit(), text.used());
        }
        if (!client.isSafe() && !form.isConfirmNotSafe()) {
            throw new FieldRuleException("confirmNotSafe", "texting.notSafe.confirmRequired");
        }
        return new CheckedText(caseId, text.text());
    }

    private Long checkedCase(Client client, Long caseId) {
        if (caseId == null) {
            return null;
        }
        CaseRecord caseRecord;
        try {
            caseRecord = caseService.findCase(caseId);
        } catch (NotFoundException unknownCase) {
            throw new FieldRuleException("caseId", "texting.case.notThisClient");
        }
        if (caseRecord.getClientId() != client.getId()) {
            throw new FieldRuleException("caseId", "texting.case.notThisClient");
        }
        if (!caseRecord.isOpen()) {
            throw new FieldRuleException("caseId", "texting.case.closed", caseRecord.getCaseNumber());
        }
        return caseRecord.getId();
    }

    private static String validSendKey(String sendKey) {
        if (sendKey == null || !SEND_KEY.matcher(sendKey).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the form's send key is missing");
        }
        return sendKey;
    }

    private record CheckedText(Long caseId, String body) {
    }

    private record PreparedText(long messageId, long clientId, TwilioSetup setup, String to, String body) {
    }
}
