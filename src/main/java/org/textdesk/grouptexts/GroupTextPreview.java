package org.textdesk.grouptexts;

import java.util.Optional;

/** The preview of a group text form: the plan, and why nothing can be sent now (Twilio Setup) as a message key. */
public record GroupTextPreview(GroupTextPlan plan, Optional<String> blockedReason) {

    /** Whether the page offers to send: texting is set up and someone would get it. */
    public boolean sendable() {
        return blockedReason.isEmpty() && plan.gettingIt() > 0;
    }
}
