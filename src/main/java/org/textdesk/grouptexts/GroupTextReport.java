package org.textdesk.grouptexts;

import java.util.List;

/** A group text with every chosen client's outcome and how far the sending is. */
public record GroupTextReport(GroupText group, List<GroupText.Recipient> recipients, GroupText.Progress progress) {
}
