package org.textdesk.inbox;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.textdesk.client.CellNumber;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.inbox.IncomingTextRows.IncomingRow;
import org.textdesk.media.IncomingMedia;
import org.textdesk.media.IncomingMediaRows;
import org.textdesk.system.DatabaseProduct;
import org.textdesk.texts.ClientTextLinks;
import org.textdesk.texts.TextMessage;
import org.textdesk.texts.TextMessageRepository;

/**
 * Texts that come in to the Twilio number. Each is stored once per Twilio MessageSid (Twilio may post
 * the same text again), linked to every client whose cell is the sender's number (none: a text from an
 * unknown number, still kept), and a keyword changes Okay to Text for every one of those clients.
 */
@Service
public class IncomingTexts {

    /** What Twilio should text back. */
    public enum Reply {
        /** The Text Response of Twilio Setup. */
        TEXT_RESPONSE,
        /** Nothing: the text was a keyword, which Twilio answers itself, or an answer to a reminder. */
        NOTHING
    }

    /** The longest body kept, as the column holds it (Twilio's own limit for a message body). */
    static final int BODY_MAX = 1600;

    private static final Logger log = LoggerFactory.getLogger(IncomingTexts.class);

    private final TextMessageRepository messages;
    private final ClientTextLinks clientTextLinks;
    private final ClientService clientService;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final IncomingTextBatches batches;
    private final IncomingMediaRows mediaRows;
    private final boolean oneStatement;
    private final IncomingLiveEvents liveEvents;
    private final ReminderAnswers reminderAnswers;

    IncomingTexts(TextMessageRepository messages, ClientTextLinks clientTextLinks, ClientService clientService,
            TransactionTemplate transaction, Clock clock, IncomingTextBatches batches, DatabaseProduct database,
            IncomingMediaRows mediaRows, IncomingLiveEvents liveEvents, ReminderAnswers reminderAnswers) {
        this.reminderAnswers = reminderAnswers;
        this.mediaRows = mediaRows;
        this.liveEvents = liveEvents;
        this.messages = messages;
        this.clientTextLinks = clientTextLinks;
        this.clientService = clientService;
        this.transaction = transaction;
        this.clock = clock;
        this.batches = batches;
        this.oneStatement = database.isPostgres();
    }

    /**
     * Receives one incoming text: on PostgreSQL an ordinary text in one statement with the texts that arrive
     * with it ({@link IncomingTextBatches}),
     * a keyword (which changes clients) and every text on H2 in one short transaction. A MessageSid seen
     * before stores and changes nothing and gets the same reply.
     *
     * @param from       the sender, E.164
     * @param to         the Twilio number, E.164
     * @param body       the text (longer than {@value #BODY_MAX} characters, which Twilio never sends: the beginning)
     * @param optOutType Twilio's OptOutType (STOP, START, HELP) or null
     */
    public Reply receive(String sid, String from, String to, String body, String optOutType) {
        return receive(sid, from, to, body, optOutType, IncomingMedia.NONE);
    }

    /** As above, with the files Twilio says came with the text, stored in the same write as the text. */
    public Reply receive(String sid, String from, String to, String body, String optOutType, IncomingMedia media) {
        return receive(sid, from, to, body, optOutType, media, null);
    }

    /**
     * As above, with the MessagingServiceSid Twilio posts when the Twilio number is in a Messaging Service (null:
     * none), kept with the text.
     */
    public Reply receive(String sid, String from, String to, String body, String optOutType, IncomingMedia media,
            String messagingServiceSid) {
        Optional<Keyword> keyword = Keyword.of(body, optOutType);
        // an answer to a reminder ("C") is recorded on its appointment in the transaction that stores the text
        boolean mayAnswer = keyword.isEmpty() && reminderAnswers.mayBeAnswer(body);
        if (oneStatement && keyword.isEmpty() && !mayAnswer) {
            String clientCell = CellNumber.fromE164(from).map(CellNumber::e164).orElse(null);
            batches.store(new IncomingRow(sid, from, to, kept(sid, body), clientCell, clock.instant(),
                    media, messagingServiceSid)).ifPresentOrElse(
                    stored -> log.info("Incoming text {} from {} stored as text {} for {} client(s)", sid, masked(from),
                            stored.messageId(), stored.clients()),
                    () -> log.info("Incoming text {} was received before; nothing changed", sid));
            return Reply.TEXT_RESPONSE;
        }
        boolean answered;
        try {
            answered = Boolean.TRUE.equals(transaction.execute(status -> store(sid, from, to, body, keyword, media,
                    messagingServiceSid, mayAnswer)));
        } catch (DataIntegrityViolationException sameTextPostedTwiceAtOnce) {
            if (messages.findByTwilioSid(sid).isEmpty()) {
                throw sameTextPostedTwiceAtOnce;
            }
            log.info("Incoming text {} was received twice at once; kept once", sid);
            answered = mayAnswer && messages.findByTwilioSid(sid)
                    .map(text -> !reminderAnswers.answersOf(List.of(text.getId())).isEmpty()).orElse(false);
        }
        return keyword.isPresent() || answered ? Reply.NOTHING : Reply.TEXT_RESPONSE;
    }

    /** Stores the text (once per SID); true when it is an answer to a reminder, recorded on its appointment. */
    private boolean store(String sid, String from, String to, String body, Optional<Keyword> keyword,
            IncomingMedia media, String messagingServiceSid, boolean mayAnswer) {
        Optional<TextMessage> before = messages.findByTwilioSid(sid);
        if (before.isPresent()) {
            log.info("Incoming text {} was received before; nothing changed", sid);
            return mayAnswer && !reminderAnswers.answersOf(List.of(before.get().getId())).isEmpty();
        }
        List<Client> clients = clientService.findClientsByCell(from);
        TextMessage message = messages.saveAndFlush(TextMessage.inbound(sid, from, to, kept(sid, body),
                clients.isEmpty(), messagingServiceSid, clock.instant()));
        clients.forEach(client -> clientTextLinks.link(client.getId(), message));
        mediaRows.store(message.getId(), media, message.getCreatedAt());
        liveEvents.stored(message.getId(), clients);
        int changed = keyword.flatMap(Keyword::okayToText)
                .map(okayToText -> clientService.recordKeywordConsent(from, okayToText, keyword.get().word()))
                .orElse(0);
        log.info("Incoming text {} from {} stored as text {} for {} client(s){}", sid, masked(from), message.getId(),
                clients.size(), keyword.map(k -> "; keyword " + k.kind() + " changed Okay to Text"
                        + " of " + changed + " client(s)").orElse(""));
        boolean answered = mayAnswer && reminderAnswers.record(message.getId(), from, body, message.getCreatedAt());
        if (answered) {
            log.info("Incoming text {} answered an appointment reminder", message.getId());
        }
        return answered;
    }

    /**
     * The body as stored: whole as Twilio delivers it, up to {@value #BODY_MAX} characters counted as code points
     * (an emoji is one; the column holds them, V12); only a longer one, which Twilio never sends, is cut, never
     * within a character. No NUL (PostgreSQL refuses it).
     */
    private static String kept(String sid, String body) {
        String text = body == null ? "" : body.replace("\u0000", "");
        int characters = text.codePointCount(0, text.length());
        if (characters <= BODY_MAX) {
            return text;
        }
        log.info("Incoming text {} has {} characters; the first {} are kept", sid, characters, BODY_MAX);
        return text.substring(0, text.offsetByCodePoints(0, BODY_MAX));
    }

    /** A phone number for the log: never in full. */
    static String masked(String number) {
        if (number == null || number.length() <= 2) {
            return "***";
        }
        return "***" + number.substring(number.length() - 2);
    }
}
