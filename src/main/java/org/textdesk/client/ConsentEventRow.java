package org.textdesk.client;

import java.time.Instant;

/** One line of a client's consent history as stored, with the name of the staff member who made the change. */
record ConsentEventRow(Instant occurredAt, boolean okayToText, ConsentSource source, String detail, String phoneE164,
        String staffName) {
}
