package org.textdesk.texts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One text, sent to a client or received from a number; the record an auditor reads. */
@Entity
@Table(name = "text_messages")
public class TextMessage {

    public enum Direction {
        OUTBOUND,
        INBOUND
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Column(name = "client_id")
    private Long clientId;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "to_number", nullable = false)
    private String toNumber;

    @Column(name = "from_number", nullable = false)
    private String fromNumber;

    @Column(nullable = false)
    private String body;

    @Column(name = "twilio_sid")
    private String twilioSid;

    /** Set when the body was replaced by "(removed after N months)" (retention module): N; else null. */
    @Column(name = "body_removed_after_months", insertable = false, updatable = false)
    private Integer bodyRemovedAfterMonths;

    @Column(nullable = false)
    private String status;

    @Column(name = "status_rank", nullable = false)
    private int statusRank;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "sent_by")
    private Long sentBy;

    @Column(name = "send_key")
    private String sendKey;

    /** The Status Callback URL the text was sent with: Twilio signs its callbacks over it (V12). */
    @Column(name = "status_callback_url")
    private String statusCallbackUrl;

    /** The Messaging Service the text went out through or came in by, as Twilio Setup or Twilio named it (V14). */
    @Column(name = "messaging_service_sid")
    private String messagingServiceSid;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Column(name = "read_at")
    private Instant readAt;

    /** An incoming text linked to no client: none had the number when it came in, nobody attached it since (V9). */
    @Column(name = "unknown_number", nullable = false)
    private boolean unknownNumber;

    protected TextMessage() {
    }

    /** A text about to be handed to Twilio: written before the call, so no send goes unrecorded. */
    public static TextMessage outbound(long clientId, Long caseId, String to, String from, String body, long sentBy,
            String sendKey, String statusCallbackUrl, Instant now) {
        TextMessage message = new TextMessage();
        message.direction = Direction.OUTBOUND;
        message.clientId = clientId;
        message.caseId = caseId;
        message.toNumber = to;
        message.fromNumber = from;
        message.body = body;
        message.sentBy = sentBy;
        message.sendKey = sendKey;
        message.statusCallbackUrl = statusCallbackUrl;
        message.createdAt = now;
        message.moveTo(MessageStatus.PENDING, now);
        return message;
    }

    /** The same, sent through this Messaging Service (null: none): Twilio Setup's when the text is handed over. */
    public static TextMessage outbound(long clientId, Long caseId, String to, String from, String body, long sentBy,
            String sendKey, String statusCallbackUrl, String messagingServiceSid, Instant now) {
        TextMessage message = outbound(clientId, caseId, to, from, body, sentBy, sendKey, statusCallbackUrl, now);
        message.messagingServiceSid = messagingServiceSid;
        return message;
    }

    /** A text received; {@code unknownNumber} when it is linked to no client (no client has the sender's number). */
    public static TextMessage inbound(String twilioSid, String from, String to, String body, boolean unknownNumber,
            Instant now) {
        TextMessage message = new TextMessage();
        message.direction = Direction.INBOUND;
        message.unknownNumber = unknownNumber;
        message.twilioSid = twilioSid;
        message.fromNumber = from;
        message.toNumber = to;
        message.body = body;
        message.createdAt = now;
        message.moveTo(MessageStatus.RECEIVED, now);
        return message;
    }

    /** The same, with the MessagingServiceSid Twilio posted with it (null: none). */
    public static TextMessage inbound(String twilioSid, String from, String to, String body, boolean unknownNumber,
            String messagingServiceSid, Instant now) {
        TextMessage message = inbound(twilioSid, from, to, body, unknownNumber, now);
        message.messagingServiceSid = messagingServiceSid;
        return message;
    }

    private void moveTo(String newStatus, Instant now) {
        this.status = MessageStatus.normalise(newStatus);
        this.statusRank = MessageStatus.rank(newStatus);
        this.statusChangedAt = now;
    }

    public Long getId() { return id; }
    public Direction getDirection() { return direction; }
    public Long getClientId() { return clientId; }
    public Long getCaseId() { return caseId; }
    public String getToNumber() { return toNumber; }
    public String getFromNumber() { return fromNumber; }
    public String getBody() { return body; }
    /** The body is only the words "(removed after N months)": it must never be sent again. */
    public boolean bodyRemoved() { return bodyRemovedAfterMonths != null; }
    public String getTwilioSid() { return twilioSid; }
    public String getStatus() { return status; }
    public String getErrorCode() { return errorCode; }
    public Long getSentBy() { return sentBy; }
    public String getSendKey() { return sendKey; }
    public String getStatusCallbackUrl() { return statusCallbackUrl; }
    public String getMessagingServiceSid() { return messagingServiceSid; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getStatusChangedAt() { return statusChangedAt; }
    public Instant getReadAt() { return readAt; }
}
