package org.textdesk.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.textdesk.cases.CaseRecord;
import org.textdesk.texts.Sql;

/**
 * Which texts a timeline holds. A client's timeline is every text linked to the client (client_texts).
 * A case's texts are the texts of its client's timeline that were sent in the case, plus the texts the
 * client sent us while the case was open (from the start of its opened day to the end of its closed
 * day, in the organisation's time zone): incoming texts carry no case, and a text from the client during
 * a case is part of that case's conversation, while texts from before or after it are not.
 *
 * @param caseId null for the whole client timeline
 * @param incomingFrom the start of the case's open days (only with a case)
 * @param incomingUntil the end of the case's closed day; null while the case is open
 */
record TimelineScope(long clientId, Long caseId, Instant incomingFrom, Instant incomingUntil) {

    static TimelineScope ofClient(long clientId) {
        return new TimelineScope(clientId, null, null, null);
    }

    static TimelineScope ofCase(CaseRecord caseRecord, ZoneId zone) {
        LocalDate closedOn = caseRecord.getClosedOn();
        return new TimelineScope(caseRecord.getClientId(), caseRecord.getId(),
                caseRecord.getOpenedOn().atStartOfDay(zone).toInstant(),
                closedOn == null ? null : closedOn.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The SQL condition on client_texts {@code ct} joined to text_messages {@code m}; see {@link #arguments()}. */
    String condition() {
        if (caseId == null) {
            return "ct.client_id = ?";
        }
        return "ct.client_id = ? and (m.case_id = ? or (m.direction = 'INBOUND' and ct.created_at >= ?"
                + (incomingUntil == null ? "" : " and ct.created_at < ?") + "))";
    }

    List<Object> arguments() {
        List<Object> arguments = new ArrayList<>();
        arguments.add(clientId);
        if (caseId != null) {
            arguments.add(caseId);
            arguments.add(Sql.timestamp(incomingFrom));
            if (incomingUntil != null) {
                arguments.add(Sql.timestamp(incomingUntil));
            }
        }
        return arguments;
    }
}
