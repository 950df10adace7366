package org.textdesk.appointments;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.textdesk.system.FieldRuleException;

/** What staff type to book or move an appointment: date and time (organisation's zone), place, note, with whom. */
public class AppointmentForm {

    static final int PLACE_MAX = 80;
    static final int NOTE_MAX = 500;
    static final Duration LONGEST_AHEAD = Duration.ofDays(366);

    private String date = "";
    private String time = "";
    private String place = "";
    private String note = "";
    private Long staffId;
    private Long version;
    private String bookingKey = "";

    static AppointmentForm of(AppointmentRows.Appointment appointment, ZoneId zone) {
        AppointmentForm form = new AppointmentForm();
        ZonedDateTime at = appointment.startsAt().atZone(zone);
        form.date = at.toLocalDate().toString();
        form.time = at.toLocalTime().toString();
        form.place = appointment.place();
        form.note = appointment.note() == null ? "" : appointment.note();
        form.staffId = appointment.staffId();
        form.version = appointment.version();
        return form;
    }

    /**
     * The details as checked: a date and time after now and within a year, a place, a note of at most
     * {@value #NOTE_MAX} characters, one of the staff offered.
     *
     * @throws FieldRuleException beside the first field that breaks a rule
     */
    AppointmentRows.Details details(ZoneId zone, Instant now, Set<Long> staffOffered) {
        if (date.isBlank() || time.isBlank()) {
            throw new FieldRuleException("date", "appointments.when.required");
        }
        Instant startsAt;
        try {
            startsAt = ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), zone).toInstant();
        } catch (DateTimeException notADateOrTime) {
            throw new FieldRuleException("date", "appointments.when.invalid");
        }
        if (!startsAt.isAfter(now)) {
            throw new FieldRuleException("date", "appointments.when.past");
        }
        if (startsAt.isAfter(now.plus(LONGEST_AHEAD))) {
            throw new FieldRuleException("date", "appointments.when.tooFar");
        }
        if (place.isBlank() || place.length() > PLACE_MAX) {
            throw new FieldRuleException("place", "appointments.place.invalid", PLACE_MAX);
        }
        if (note.length() > NOTE_MAX) {
            throw new FieldRuleException("note", "appointments.note.tooLong", NOTE_MAX);
        }
        if (staffId == null || !staffOffered.contains(staffId)) {
            throw new FieldRuleException("staffId", "appointments.staff.required");
        }
        return new AppointmentRows.Details(startsAt, place, note.isBlank() ? null : note, staffId);
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date == null ? "" : date.strip();
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time == null ? "" : time.strip();
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place == null ? "" : place.strip();
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note == null ? "" : note.strip();
    }

    public Long getStaffId() {
        return staffId;
    }

    public void setStaffId(Long staffId) {
        this.staffId = staffId;
    }

    public String getBookingKey() {
        return bookingKey;
    }

    public void setBookingKey(String bookingKey) {
        this.bookingKey = bookingKey == null ? "" : bookingKey.strip();
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
