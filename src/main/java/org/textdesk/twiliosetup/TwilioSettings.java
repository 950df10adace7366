package org.textdesk.twiliosetup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The one row of Twilio Setup (id 1). The Auth Token is only ever here encrypted. */
@Entity
@Table(name = "twilio_settings")
class TwilioSettings {

    static final long THE_ID = 1L;

    @Id
    private Long id;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "account_sid")
    private String accountSid;

    @Column(name = "auth_token_encrypted")
    private String authTokenEncrypted;

    @Column(name = "status_callback_url")
    private String statusCallbackUrl;

    @Column(name = "twilio_number")
    private String twilioNumber;

    /** The optional Messaging Service texts go out through (V14); null: none. */
    @Column(name = "messaging_service_sid")
    private String messagingServiceSid;

    @Column(name = "text_response", nullable = false)
    private String textResponse;

    @Column(name = "call_response", nullable = false)
    private String callResponse;

    @Column(name = "updated_by")
    private Long updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected TwilioSettings() {
    }

    static TwilioSettings first() {
        TwilioSettings settings = new TwilioSettings();
        settings.id = THE_ID;
        return settings;
    }

    /**
     * Takes a checked change. {@code encryptedNewToken} replaces the stored token; null keeps it.
     * {@code changedBy} is the staff member's id, or null when TextDesk itself made the change.
     */
    void change(TwilioSetupChange.Checked checked, String encryptedNewToken, Long changedBy, Instant at) {
        this.enabled = checked.enabled();
        this.accountSid = checked.accountSid();
        if (encryptedNewToken != null) {
            this.authTokenEncrypted = encryptedNewToken;
        }
        this.statusCallbackUrl = checked.statusCallback();
        this.twilioNumber = checked.twilioNumber();
        this.messagingServiceSid = checked.messagingServiceSid();
        this.textResponse = checked.textResponse();
        this.callResponse = checked.callResponse();
        this.updatedBy = changedBy;
        this.updatedAt = at;
    }

    boolean isEnabled() {
        return enabled;
    }

    String getAccountSid() {
        return accountSid;
    }

    String getAuthTokenEncrypted() {
        return authTokenEncrypted;
    }

    boolean hasAuthToken() {
        return authTokenEncrypted != null;
    }

    String getStatusCallbackUrl() {
        return statusCallbackUrl;
    }

    String getTwilioNumber() {
        return twilioNumber;
    }

    String getMessagingServiceSid() {
        return messagingServiceSid;
    }

    String getTextResponse() {
        return textResponse;
    }

    String getCallResponse() {
        return callResponse;
    }

    Long getUpdatedBy() {
        return updatedBy;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    Long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "TwilioSettings[enabled=" + enabled + ", accountSid=" + accountSid + ", version=" + version + "]";
    }
}
