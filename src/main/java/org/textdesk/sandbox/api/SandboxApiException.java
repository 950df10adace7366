package org.textdesk.sandbox.api;

/** A Twilio error answer of the sandbox's REST API: HTTP status, Twilio error code and message. */
class SandboxApiException extends RuntimeException {

    private final int status;
    private final int code;

    SandboxApiException(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static SandboxApiException notFound(String path) {
        return new SandboxApiException(404, 20404, "The requested resource " + path + " was not found");
    }

    static SandboxApiException authenticate() {
        return new SandboxApiException(401, 20003, "Authenticate");
    }

    int status() {
        return status;
    }

    int code() {
        return code;
    }
}
