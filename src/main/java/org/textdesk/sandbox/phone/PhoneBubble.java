package org.textdesk.sandbox.phone;

import java.time.Instant;
import org.textdesk.sandbox.api.SandboxMessage;

/**
 * One text on the Client's phone page: sent by the phone ({@code mine}) or received, its words, its picture's
 * file under /images/sandbox/ (or null), and when. Public for the template only.
 */
public record PhoneBubble(boolean mine, String body, String picture, Instant at) {

    static PhoneBubble of(SandboxMessage message) {
        return new PhoneBubble(message.sentByThePhone(), message.body(), message.mediaName(), message.dateCreated());
    }

    /** A picture the phone can send, for the template's choice: its value and its wording's key. */
    public record PictureChoice(String value, String labelKey) {

        static PictureChoice of(SamplePicture picture) {
            return new PictureChoice(picture.name(), picture.labelKey());
        }
    }
}
