package org.textdesk.sending;

/** What a caseworker fills in on Send Text. The send key makes a repeated post of one form send once. */
public class SendTextForm {

    private Long caseId;
    /**
     * Only helps the page fill in the message; what is sent is the body. The option's key: the entry's id, or
     * id:language for a version in another language.
     */
    private String quickEntryId;
    private String body = "";
    private String sendKey = "";
    private boolean confirmNotSafe;
    /** "now" (the default) or "later": Send at {@link #sendDate} {@link #sendTime}, organisation's time. */
    private String when = NOW;
    private String sendDate = "";
    private String sendTime = "";
    /** The scheduled text this form edits, if any. */
    private Long scheduledId;

    static final String NOW = "now";
    static final String LATER = "later";

    public Long getCaseId() {
        return caseId;
    }

    public void setCaseId(Long caseId) {
        this.caseId = caseId;
    }

    public String getQuickEntryId() {
        return quickEntryId;
    }

    public void setQuickEntryId(String quickEntryId) {
        this.quickEntryId = quickEntryId;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body == null ? "" : body;
    }

    public String getSendKey() {
        return sendKey;
    }

    public void setSendKey(String sendKey) {
        this.sendKey = sendKey == null ? "" : sendKey.strip();
    }

    public boolean isConfirmNotSafe() {
        return confirmNotSafe;
    }

    public void setConfirmNotSafe(boolean confirmNotSafe) {
        this.confirmNotSafe = confirmNotSafe;
    }

    public String getWhen() {
        return when;
    }

    public void setWhen(String when) {
        this.when = LATER.equals(when) ? LATER : NOW;
    }

    boolean isLater() {
        return LATER.equals(when);
    }

    public String getSendDate() {
        return sendDate;
    }

    public void setSendDate(String sendDate) {
        this.sendDate = sendDate == null ? "" : sendDate.strip();
    }

    public String getSendTime() {
        return sendTime;
    }

    public void setSendTime(String sendTime) {
        this.sendTime = sendTime == null ? "" : sendTime.strip();
    }

    public Long getScheduledId() {
        return scheduledId;
    }

    public void setScheduledId(Long scheduledId) {
        this.scheduledId = scheduledId;
    }
}
