package org.textdesk.twiliosetup;

/**
 * What the admin types on the Twilio Setup page. The Auth Token is write-only: it is never filled in
 * from the saved setup and never sent back to the browser, not even after a refused save.
 */
class TwilioSetupForm {

    private boolean enabled;
    private String accountSid = "";
    private String authToken = "";
    private String statusCallback = "";
    private String twilioNumber = "";
    private String messagingServiceSid = "";
    private String textResponse = "";
    private String callResponse = "";
    private Long version;

    static TwilioSetupForm from(TwilioSetupPage page) {
        TwilioSetupForm form = new TwilioSetupForm();
        form.enabled = page.enabled();
        form.accountSid = page.accountSid();
        form.statusCallback = page.statusCallback();
        form.twilioNumber = page.twilioNumber();
        form.messagingServiceSid = page.messagingServiceSid();
        form.textResponse = page.textResponse();
        form.callResponse = page.callResponse();
        form.version = page.version();
        return form;
    }

    TwilioSetupChange toChange() {
        return new TwilioSetupChange(enabled, accountSid, authToken, statusCallback, twilioNumber, textResponse,
                callResponse, messagingServiceSid);
    }

    boolean hasTypedAuthToken() {
        return !authToken.isBlank();
    }

    /** Before the form goes back to the browser. */
    void forgetAuthToken() {
        authToken = "";
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getAccountSid() {
        return accountSid;
    }

    public void setAccountSid(String accountSid) {
        this.accountSid = strip(accountSid);
    }

    public String getAuthToken() {
        return authToken;
    }

    public void setAuthToken(String authToken) {
        this.authToken = strip(authToken);
    }

    public String getStatusCallback() {
        return statusCallback;
    }

    public void setStatusCallback(String statusCallback) {
        this.statusCallback = strip(statusCallback);
    }

    public String getTwilioNumber() {
        return twilioNumber;
    }

    public void setTwilioNumber(String twilioNumber) {
        this.twilioNumber = strip(twilioNumber);
    }

    public String getMessagingServiceSid() {
        return messagingServiceSid;
    }

    public void setMessagingServiceSid(String messagingServiceSid) {
        this.messagingServiceSid = strip(messagingServiceSid);
    }

    public String getTextResponse() {
        return textResponse;
    }

    public void setTextResponse(String textResponse) {
        this.textResponse = strip(textResponse);
    }

    public String getCallResponse() {
        return callResponse;
    }

    public void setCallResponse(String callResponse) {
        this.callResponse = strip(callResponse);
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    @Override
    public String toString() {
        return "TwilioSetupForm[enabled=" + enabled + ", accountSid=" + accountSid + ", version=" + version + "]";
    }
}
