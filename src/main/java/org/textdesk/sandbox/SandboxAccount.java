package org.textdesk.sandbox;

/**
 * The sandbox's one Twilio account, its Twilio number and its Messaging Service. The Auth Token is not
 * here: it is made at random when the sandbox first sets up Twilio Setup, and kept there, encrypted, like
 * any Auth Token (whoever knew it could sign webhooks).
 */
public final class SandboxAccount {

    public static final String ACCOUNT_SID = "ACfeedfacefeedfacefeedfacefeedface";
    public static final String FRIENDLY_NAME = "TextDesk sandbox";
    /** The Twilio # of the sandbox, 404-555-0100 (the 555-01xx range is kept for fiction). */
    public static final String TWILIO_NUMBER = "+14045550100";
    public static final String MESSAGING_SERVICE_SID = "MGfeedfacefeedfacefeedfacefeedface";
    public static final String API_VERSION = "2010-04-01";
    /** Where the sandbox's REST API is served, below the application's own address. */
    public static final String API_PATH = "/sandbox/twilio";

    private SandboxAccount() {
    }
}
