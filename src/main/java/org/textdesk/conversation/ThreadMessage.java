package org.textdesk.conversation;

import java.time.Instant;
import java.util.List;
import org.textdesk.media.TextAttachment;
import org.textdesk.texts.MessageStatus;

/**
 * One text of a conversation thread: the client's (incoming) on one side, staff's on the other.
 *
 * @param sentByName the staff member who sent it; null for the client's texts
 * @param unread an incoming text nobody had opened before this page was shown
 * @param attachments the pictures and files it came with (incoming texts only)
 */
record ThreadMessage(long id, boolean incoming, String body, Instant time, String status, String sentByName,
        boolean unread, List<TextAttachment> attachments) {

    public String statusTone() {
        return MessageStatus.tone(status);
    }

    /** The message key of the status in words (texting.status.*). */
    public String statusKey() {
        return "texting.status." + status;
    }

    ThreadMessage withAttachments(List<TextAttachment> files) {
        return new ThreadMessage(id, incoming, body, time, status, sentByName, unread, files);
    }
}
