package org.textdesk.twiliosetup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.textdesk.system.FieldRuleException;
import org.textdesk.texts.SmsText;
import org.textdesk.twilio.TwilioSetup;

/**
 * What an admin typed into Twilio Setup. {@link #check} applies every rule at once, so the admin sees
 * each problem beside its field. A disabled setup may be incomplete (but what is typed must be valid);
 * enabling it needs every field. An empty Auth Token keeps the stored one. The Messaging Service is optional
 * (empty: none).
 */
record TwilioSetupChange(boolean enabled, String accountSid, String authToken, String statusCallback,
        String twilioNumber, String textResponse, String callResponse, String messagingServiceSid) {

    static final String ACCOUNT_SID_PATTERN = TwilioSetup.ACCOUNT_SID_PATTERN;
    static final String MESSAGING_SERVICE_SID_PATTERN = TwilioSetup.MESSAGING_SERVICE_SID_PATTERN;
    static final String AUTH_TOKEN_PATTERN = "[A-Za-z0-9_-]{16,128}";
    static final int STATUS_CALLBACK_MAX = 2000;
    static final int CALL_RESPONSE_MAX = 1000;

    /** A change without a Messaging Service. */
    TwilioSetupChange(boolean enabled, String accountSid, String authToken, String statusCallback,
            String twilioNumber, String textResponse, String callResponse) {
        this(enabled, accountSid, authToken, statusCallback, twilioNumber, textResponse, callResponse, "");
    }

    /**
     * The values to store. {@code newAuthToken} is null when the stored token is kept; {@code messagingServiceSid}
     * null when there is none.
     */
    record Checked(boolean enabled, String accountSid, String newAuthToken, String statusCallback,
            String twilioNumber, String textResponse, String callResponse, String messagingServiceSid) {

        @Override
        public String toString() {
            return "Checked[enabled=" + enabled + ", accountSid=" + accountSid + ", newAuthToken="
                    + (newAuthToken == null ? "(kept)" : "(new)") + "]";
        }
    }

    /**
     * @param authTokenStored whether a readable Auth Token is already stored (an empty field keeps it)
     * @throws SetupRefusedException listing every problem, each beside its field
     */
    Checked check(boolean authTokenStored) {
        List<FieldRuleException> problems = new ArrayList<>();

        String sid = blankToNull(accountSid);
        if (sid != null && !isAccountSid(sid)) {
            problems.add(new FieldRuleException("accountSid", "twilio.accountSid.invalid"));
        }
        String token = blankToNull(authToken);
        if (token != null && !isAuthToken(token)) {
            problems.add(new FieldRuleException("authToken", "twilio.authToken.invalid"));
        }
        String callback = blankToNull(statusCallback);
        if (callback != null && !isAbsoluteHttpUrl(callback)) {
            problems.add(new FieldRuleException("statusCallback", "twilio.statusCallback.invalid"));
        }
        String numberTyped = blankToNull(twilioNumber);
        String number = numberTyped == null ? null : TwilioNumber.toE164(numberTyped).orElse(null);
        if (numberTyped != null && number == null) {
            problems.add(new FieldRuleException("twilioNumber", "twilio.twilioNumber.invalid"));
        }
        String service = blankToNull(messagingServiceSid);
        if (service != null && !isMessagingServiceSid(service)) {
            problems.add(new FieldRuleException("messagingServiceSid", "twilio.messagingServiceSid.invalid"));
        }
        String text = blankToNull(textResponse);
        SmsText sms = SmsText.of(text == null ? "" : text);
        if (text == null) {
            problems.add(new FieldRuleException("textResponse", "twilio.textResponse.required"));
        } else if (!sms.fitsOneSegment()) {
            problems.add(sms.encoding() == SmsText.Encoding.UCS_2
                    ? new FieldRuleException("textResponse", "twilio.textResponse.tooLongUnicode",
                            sms.used(), sms.limit(), sms.firstNonGsmCharacter())
                    : new FieldRuleException("textResponse", "twilio.textResponse.tooLong", sms.used(), sms.limit()));
        }
        String call = blankToNull(callResponse);
        if (call == null) {
            problems.add(new FieldRuleException("callResponse", "twilio.callResponse.required"));
        } else if (call.length() > CALL_RESPONSE_MAX) {
            problems.add(new FieldRuleException("callResponse", "twilio.callResponse.tooLong", CALL_RESPONSE_MAX));
        }

        if (enabled) {
            List<FieldRuleException> missing = new ArrayList<>();
            if (sid == null) {
                missing.add(new FieldRuleException("accountSid", "twilio.accountSid.requiredToEnable"));
            }
            if (token == null && !authTokenStored) {
                missing.add(new FieldRuleException("authToken", "twilio.authToken.requiredToEnable"));
            }
            if (callback == null) {
                missing.add(new FieldRuleException("statusCallback", "twilio.statusCallback.requiredToEnable"));
            }
            if (numberTyped == null) {
                missing.add(new FieldRuleException("twilioNumber", "twilio.twilioNumber.requiredToEnable"));
            }
            if (!missing.isEmpty()) {
                problems.add(new FieldRuleException("enabled", "twilio.enabled.incomplete"));
                problems.addAll(missing);
            }
        }
        if (!problems.isEmpty()) {
            throw SetupRefusedException.fields(problems);
        }
        // What is stored is what will be sent: look-alike characters already replaced (see SmsText).
        return new Checked(enabled, sid, token, callback, number, sms.text(), call, service);
    }

    static boolean isAccountSid(String value) {
        return value != null && value.matches(ACCOUNT_SID_PATTERN);
    }

    static boolean isMessagingServiceSid(String value) {
        return value != null && value.matches(MESSAGING_SERVICE_SID_PATTERN);
    }

    static boolean isAuthToken(String value) {
        return value != null && value.matches(AUTH_TOKEN_PATTERN);
    }

    static boolean isAbsoluteHttpUrl(String value) {
        if (value.length() > STATUS_CALLBACK_MAX) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException notAUrl) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "TwilioSetupChange[enabled=" + enabled + ", accountSid=" + accountSid + ", authToken="
                + (authToken == null || authToken.isBlank() ? "(empty)" : "(typed)") + ", messagingServiceSid="
                + messagingServiceSid + "]";
    }
}
