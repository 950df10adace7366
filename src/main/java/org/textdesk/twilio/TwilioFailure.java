package org.textdesk.twilio;

import com.fasterxml.jackson.core.JacksonException;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import java.net.UnknownHostException;

/**
 * What went wrong with one call to the Twilio API, read from the SDK's exception: a network failure
 * (nothing was answered), or Twilio's error answer with its HTTP status and Twilio error code.
 */
record TwilioFailure(NetworkFailure networkFailure, Integer httpStatus, Integer twilioErrorCode, boolean answerLost) {

    static final int AUTHENTICATE = 20003;

    static TwilioFailure of(TwilioException exception) {
        NetworkFailure network = networkFailureIn(exception);
        if (network == null && exception instanceof ApiConnectionException) {
            network = NetworkFailure.OTHER;
        }
        if (network != null) {
            return new TwilioFailure(network, null, null, answerLostIn(exception));
        }
        if (exception instanceof ApiException api) {
            return new TwilioFailure(null, api.getStatusCode(), api.getCode(), false);
        }
        return new TwilioFailure(null, null, null, false);
    }

    boolean isBadCredentials() {
        return (httpStatus != null && httpStatus == 401) || (twilioErrorCode != null && twilioErrorCode == AUTHENTICATE);
    }

    /** The SDK wraps every I/O failure of the HTTP client; an unreadable answer (JSON) is not a network failure. */
    private static NetworkFailure networkFailureIn(Throwable exception) {
        boolean inputOutput = false;
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException) {
                return null;
            }
            if (cause instanceof UnknownHostException) {
                return NetworkFailure.UNKNOWN_HOST;
            }
            if (cause instanceof ConnectException) {
                return NetworkFailure.REFUSED;
            }
            if (cause instanceof InterruptedIOException) {
                return NetworkFailure.TIMED_OUT;
            }
            inputOutput |= cause instanceof IOException;
        }
        return inputOutput ? NetworkFailure.OTHER : null;
    }

    /**
     * The request was sent, then no answer came (read timeout, or the connection closed before an
     * answer): Twilio may have acted on it. A refused or timed-out connection never reached Twilio.
     */
    private static boolean answerLostIn(Throwable exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectTimeoutException || cause instanceof ConnectException
                    || cause instanceof UnknownHostException) {
                return false;
            }
            if (cause instanceof SocketTimeoutException || cause instanceof NoHttpResponseException
                    || cause instanceof SocketException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return networkFailure != null ? "network failure " + networkFailure
                : "HTTP " + httpStatus + ", Twilio error " + twilioErrorCode;
    }
}
