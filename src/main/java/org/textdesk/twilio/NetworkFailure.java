package org.textdesk.twilio;

/** Why the Twilio API could not be reached at all (no answer from Twilio to speak of). */
public enum NetworkFailure {
    /** Nothing listens at the address: connection refused. */
    REFUSED,
    /** No connection, or no answer, within the gateway's timeouts. */
    TIMED_OUT,
    /** The API's host name could not be found (DNS). */
    UNKNOWN_HOST,
    /** Any other network or TLS problem, or the connection was closed without an answer. */
    OTHER
}
