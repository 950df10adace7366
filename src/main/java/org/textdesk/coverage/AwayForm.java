package org.textdesk.coverage;

/**
 * What a person types on My settings to be away: from and until (date and time, as a datetime-local input sends
 * them, in the organisation's zone), the away message, and the id of the colleague who covers.
 */
public class AwayForm {

    private String awayFrom = "";
    private String awayUntil = "";
    private String message = "";
    private String coveredBy = "";

    public String getAwayFrom() {
        return awayFrom;
    }

    public void setAwayFrom(String awayFrom) {
        this.awayFrom = awayFrom == null ? "" : awayFrom.strip();
    }

    public String getAwayUntil() {
        return awayUntil;
    }

    public void setAwayUntil(String awayUntil) {
        this.awayUntil = awayUntil == null ? "" : awayUntil.strip();
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message == null ? "" : message;
    }

    public String getCoveredBy() {
        return coveredBy;
    }

    public void setCoveredBy(String coveredBy) {
        this.coveredBy = coveredBy == null ? "" : coveredBy.strip();
    }
}
