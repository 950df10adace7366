package org.textdesk.history;

import java.time.Instant;
import org.textdesk.texts.MessageStatus;
import org.textdesk.texts.PhoneNumbers;
import org.textdesk.texts.TextMessage.Direction;
import org.textdesk.texts.TextMessage;

/**
 * One line of a Texts timeline: a text sent to the client or one received from them.
 *
 * @param time when it was sent (handed to Twilio) or received
 * @param unread an incoming text nobody had opened before this page was shown
 * @param sentByName the staff member who sent it; null for an incoming text
 */
record TimelineRow(long id, Direction direction, String body, Instant time, String toNumber, String fromNumber,
        String status, String errorCode, boolean unread, String caseNumber, String sentByName) {

    public boolean incoming() {
        return direction == Direction.INBOUND;
    }

    /** The other end: the number a text went to, or the number an incoming text came from. */
    public String otherNumber() {
        return PhoneNumbers.display(incoming() ? fromNumber : toNumber);
    }

    public String fromDisplay() {
        return PhoneNumbers.display(fromNumber);
    }

    public String toDisplay() {
        return PhoneNumbers.display(toNumber);
    }

    public String statusTone() {
        return MessageStatus.tone(status);
    }

    public boolean problem() {
        return MessageStatus.isProblem(status);
    }
}
