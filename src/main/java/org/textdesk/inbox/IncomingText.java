package org.textdesk.inbox;

import java.time.Instant;
import java.util.List;
import org.textdesk.texts.PhoneNumbers;

/**
 * A text someone sent to the Twilio number, as the Incoming page lists it.
 *
 * @param clients the clients it is linked to (their timelines show it); empty for an unknown number
 * @param unread nobody has opened it yet
 */
public record IncomingText(long id, String fromNumber, String body, Instant receivedAt, boolean unread,
        List<LinkedClient> clients) {

    public record LinkedClient(long id, String name) {
    }

    IncomingText withClients(List<LinkedClient> linked) {
        return new IncomingText(id, fromNumber, body, receivedAt, unread, List.copyOf(linked));
    }

    public String from() {
        return PhoneNumbers.display(fromNumber);
    }

    public boolean unknownNumber() {
        return clients.isEmpty();
    }
}
