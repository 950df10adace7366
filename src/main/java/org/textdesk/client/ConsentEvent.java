package org.textdesk.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change of a client's Okay to Text: the new value, the number it was about, where it came from
 * (with the keyword or Twilio error code), the staff member if any, and when. Written only by
 * {@link Client}, never changed afterwards.
 */
@Entity
@Table(name = "consent_events")
class ConsentEvent {

    /** The detail of a staff change made together with a change of the cell number. */
    static final String CELL_CHANGED = "CELL_CHANGED";

    static final int DETAIL_MAX_LENGTH = 64;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id", nullable = false, updatable = false)
    private Client client;

    @Column(name = "phone_e164", nullable = false, updatable = false)
    private String phoneE164;

    @Column(name = "okay_to_text", nullable = false, updatable = false)
    private boolean okayToText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ConsentSource source;

    @Column(updatable = false)
    private String detail;

    @Column(name = "staff_id", updatable = false)
    private Long staffId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected ConsentEvent() {
    }

    ConsentEvent(Client client, String phoneE164, boolean okayToText, ConsentSource source, String detail,
            Long staffId, Instant occurredAt) {
        this.client = client;
        this.phoneE164 = phoneE164;
        this.okayToText = okayToText;
        this.source = source;
        this.detail = detail == null || detail.length() <= DETAIL_MAX_LENGTH
                ? detail : detail.substring(0, DETAIL_MAX_LENGTH);
        this.staffId = staffId;
        this.occurredAt = occurredAt;
    }

    Long getId() {
        return id;
    }

    String getPhoneE164() {
        return phoneE164;
    }

    boolean isOkayToText() {
        return okayToText;
    }

    ConsentSource getSource() {
        return source;
    }

    String getDetail() {
        return detail;
    }

    Long getStaffId() {
        return staffId;
    }

    Instant getOccurredAt() {
        return occurredAt;
    }
}
