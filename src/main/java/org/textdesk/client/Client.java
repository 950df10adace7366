package org.textdesk.client;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.textdesk.system.FieldRuleException;

/**
 * A client on a caseworker's books: names, the Cell of the seed's record (area code and number),
 * Safe, and Okay to Text. Okay to Text is the staff's record of the client's word; every change of it
 * is a {@link ConsentEvent}, and it can only be ticked for a cell number.
 *
 * <p>Other features read clients (the Send Text form, the Texts list, the webhooks); only this
 * package changes them.
 */
@Entity
@Table(name = "clients")
public class Client {

    /** The message keys of why a client cannot be texted, also shown beside the disabled Send Text. */
    public static final String NO_VALID_CELL = "client.texting.noCell";
    public static final String OKAY_TO_TEXT_UNTICKED = "client.texting.notOkay";

    static final String OKAY_TO_TEXT_FIELD = "okayToText";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "cell_area_code")
    private String cellAreaCode;

    @Column(name = "cell_number")
    private String cellNumber;

    @Column(name = "cell_e164")
    private String cellE164;

    @Column(nullable = false)
    private boolean safe;

    @Column(name = "okay_to_text", nullable = false)
    private boolean okayToText;

    /** The language the client prefers to be texted in (languages.id; English unless someone chose another). */
    @Column(name = "language_id", nullable = false)
    private long languageId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    /**
     * The assigned caseworker (null: unassigned). Written here only for a new client; afterwards only
     * {@link Caseloads} changes it, with a conditional update and a history row, so a staff save of the
     * record never writes back a caseworker read before a transfer.
     */
    @Column(name = "caseworker_id", updatable = false)
    private Long caseworkerId;

    protected Client() {
    }

    /** A new client, Okay to Text unticked: ticking it is a consent change of its own. */
    Client(String firstName, String lastName, Optional<CellNumber> cell, boolean safe, long languageId, Instant now) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.safe = safe;
        this.languageId = languageId;
        this.createdAt = now;
        this.updatedAt = now;
        useCell(cell);
    }

    public Long getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    /** First and last name, as a caseworker says it. */
    public String getFullName() {
        return firstName + " " + lastName;
    }

    /** The cell number, or empty when the record has none. */
    public Optional<CellNumber> getCell() {
        return cellE164 == null ? Optional.empty() : Optional.of(CellNumber.stored(cellAreaCode, cellNumber, cellE164));
    }

    /** The area code box of the record, or null. */
    public String getCellAreaCode() {
        return cellAreaCode;
    }

    /** The number box of the record (XXX-XXXX), or null. */
    public String getCellNumber() {
        return cellNumber;
    }

    /** The cell as Twilio needs it (+14045387319), or null. */
    public String getCellE164() {
        return cellE164;
    }

    /** The cell as the Texts list shows it (404-538-7319), or null. */
    public String getCellDisplay() {
        return cellE164 == null ? null : cellAreaCode + "-" + cellNumber;
    }

    public boolean isSafe() {
        return safe;
    }

    public boolean isOkayToText() {
        return okayToText;
    }

    /** The id of the language the client prefers (see org.textdesk.language.Languages). */
    public long getLanguageId() {
        return languageId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    /** The assigned caseworker's staff id, or null when the client is unassigned. */
    public Long getCaseworkerId() {
        return caseworkerId;
    }

    /** A new client's caseworker: the staff member who added it. */
    void assignOnCreation(long staffId) {
        if (id != null) {
            throw new IllegalStateException("only a new client is assigned this way");
        }
        caseworkerId = staffId;
    }

    /**
     * Why this client cannot be texted, as a message key ({@link #NO_VALID_CELL} or
     * {@link #OKAY_TO_TEXT_UNTICKED}); empty when the client's own record allows a text. (Twilio Setup
     * is the Send Text feature's own check.)
     */
    public Optional<String> textingBlockedReason() {
        if (cellE164 == null) {
            return Optional.of(NO_VALID_CELL);
        }
        if (!okayToText) {
            return Optional.of(OKAY_TO_TEXT_UNTICKED);
        }
        return Optional.empty();
    }

    public boolean canBeTexted() {
        return textingBlockedReason().isEmpty();
    }

    /**
     * Sets Okay to Text. Returns the consent event to record when the value changes, and nothing when
     * it already had that value.
     *
     * @throws FieldRuleException when ticking it for a client without a cell number
     */
    Optional<ConsentEvent> changeOkayToText(boolean newValue, ConsentSource source, String detail, Long staffId,
            Instant now) {
        if (newValue == okayToText) {
            return Optional.empty();
        }
        if (newValue && cellE164 == null) {
            throw new FieldRuleException(OKAY_TO_TEXT_FIELD, "client.okayToText.needsCell");
        }
        okayToText = newValue;
        updatedAt = now;
        return Optional.of(new ConsentEvent(this, cellE164, newValue, source, detail, staffId, now));
    }

    /**
     * A staff member saved the record. A new cell number does not carry consent over: when Okay to Text
     * was ticked, it stays ticked only if the staff member ticked it for the new number in this save
     * ({@code tickedFor}); either way the change is recorded with {@link ConsentEvent#CELL_CHANGED}.
     * Returns the consent event to record, if any.
     */
    Optional<ConsentEvent> editByStaff(String newFirstName, String newLastName, Optional<CellNumber> newCell,
            boolean newSafe, long newLanguageId, boolean tickOkayToText, Optional<CellNumber> tickedFor, long staffId,
            Instant now) {
        String oldE164 = cellE164;
        String newE164 = newCell.map(CellNumber::e164).orElse(null);
        boolean cellChanged = !Objects.equals(oldE164, newE164);
        boolean wasOkayToText = okayToText;
        boolean tick = tickOkayToText;
        if (cellChanged && wasOkayToText && tick && !(newCell.isPresent() && newCell.equals(tickedFor))) {
            tick = false;
        }
        if (tick && newCell.isEmpty()) {
            throw new FieldRuleException(OKAY_TO_TEXT_FIELD, "client.okayToText.needsCell");
        }
        if (!newFirstName.equals(firstName) || !newLastName.equals(lastName) || newSafe != safe || cellChanged
                || newLanguageId != languageId) {
            firstName = newFirstName;
            lastName = newLastName;
            safe = newSafe;
            languageId = newLanguageId;
            useCell(newCell);
            updatedAt = now;
        }
        if (cellChanged && wasOkayToText) {
            okayToText = tick;
            return Optional.of(new ConsentEvent(this, tick ? newE164 : oldE164, tick, ConsentSource.STAFF,
                    ConsentEvent.CELL_CHANGED, staffId, now));
        }
        return changeOkayToText(tick, ConsentSource.STAFF, null, staffId, now);
    }

    private void useCell(Optional<CellNumber> cell) {
        cellAreaCode = cell.map(CellNumber::areaCode).orElse(null);
        cellNumber = cell.map(CellNumber::number).orElse(null);
        cellE164 = cell.map(CellNumber::e164).orElse(null);
    }

    @Override
    public String toString() {
        return "Client[" + id + "]";
    }
}
