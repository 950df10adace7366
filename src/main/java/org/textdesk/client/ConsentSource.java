package org.textdesk.client;

/** Where a change of Okay to Text came from. */
enum ConsentSource {
    /** A staff member ticked or unticked the box on the client record. */
    STAFF,
    /** The client texted a keyword such as STOP or START to the Twilio number. */
    KEYWORD,
    /** Twilio refused a text because the number opted out (error 21610). */
    TWILIO_ERROR
}
