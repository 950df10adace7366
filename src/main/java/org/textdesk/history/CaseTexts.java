package org.textdesk.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.textdesk.cases.CaseRecord;
import org.textdesk.client.Client;
import org.textdesk.media.TextAttachment;
import org.textdesk.history.TextTimeline.TimelineEntry;

/** Every text of a case, oldest first with their status histories: the case file's CSV and printed page. */
record CaseTexts(CaseRecord caseRecord, Client client, List<TimelineEntry> entries, Instant exportedAt,
        Map<Long, List<TextAttachment>> attachments) {

    /** The files of one text (none: an empty list). */
    public List<TextAttachment> attachmentsOf(long textMessageId) {
        return attachments.getOrDefault(textMessageId, List.of());
    }
}
