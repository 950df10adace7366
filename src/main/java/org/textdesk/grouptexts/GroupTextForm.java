package org.textdesk.grouptexts;

/**
 * The group text form: how to choose the clients, the message, and, once previewed, what the preview showed (its
 * fingerprint and count), which the confirmation must still match. The send key makes a repeated post send once.
 */
public class GroupTextForm {

    private String filter = ClientFilters.MY_CLIENTS;
    private Long caseworkerId;
    private String day;
    private String body;
    private String sendKey;
    private String fingerprint;
    private Integer previewedCount;

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter;
    }

    public Long getCaseworkerId() {
        return caseworkerId;
    }

    public void setCaseworkerId(Long caseworkerId) {
        this.caseworkerId = caseworkerId;
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getSendKey() {
        return sendKey;
    }

    public void setSendKey(String sendKey) {
        this.sendKey = sendKey;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public Integer getPreviewedCount() {
        return previewedCount;
    }

    public void setPreviewedCount(Integer previewedCount) {
        this.previewedCount = previewedCount;
    }
}
