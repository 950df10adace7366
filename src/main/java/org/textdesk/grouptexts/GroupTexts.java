package org.textdesk.grouptexts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;
import org.textdesk.reminders.QuietHoursWindow;
import org.textdesk.reminders.ScheduledTexts;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.staff.StaffService;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.NotFoundException;
import org.textdesk.twiliosetup.TwilioSetupService;

/**
 * Group texts: the preview (who gets it, with what words, when; why the others do not), the send, which gives each
 * recipient a scheduled text due now in reminders' paced, clustered queue (one transaction with the group's rows),
 * the report, and cancel. The queue does the rest: each text is checked again when its turn comes (a STOP
 * meanwhile holds it), claimed once across instances, and one refusal never stops the others.
 */
@Service
class GroupTexts {

    /** The most clients one group text may choose. */
    static final int MOST_CLIENTS = 1000;
    static final int LIST_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(GroupTexts.class);
    private static final Pattern SEND_KEY = Pattern.compile("[A-Za-z0-9:-]{8,64}");

    /** The confirmation no longer matches the preview: nothing was sent; here is the preview as it is now. */
    static final class RecipientsChanged extends RuntimeException {

        private final transient GroupTextPreview now;

        RecipientsChanged(GroupTextPreview now) {
            super("the recipients changed since the preview", null, false, false);
            this.now = now;
        }

        GroupTextPreview now() {
            return now;
        }
    }

    private final RecipientFilters filters;
    private final GroupTextRows rows;
    private final ScheduledTexts scheduledTexts;
    private final QuietHoursWindow quietHours;
    private final TwilioSetupService twilioSetup;
    private final StaffService staffService;
    private final TransactionTemplate transaction;
    private final Clock clock;

    GroupTexts(RecipientFilters filters, GroupTextRows rows, ScheduledTexts scheduledTexts,
            QuietHoursWindow quietHours, TwilioSetupService twilioSetup, StaffService staffService,
            TransactionTemplate transaction, Clock clock) {
        this.filters = filters;
        this.rows = rows;
        this.scheduledTexts = scheduledTexts;
        this.quietHours = quietHours;
        this.twilioSetup = twilioSetup;
        this.staffService = staffService;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What a send of this form would do now. Bad input: {@link FieldRuleException}; a filter not allowed: 403. */
    GroupTextPreview preview(GroupTextForm form, StaffPrincipal staff) {
        RecipientFilter filter = filters.allowed(form.getFilter(), staff);
        String body = GroupTextPlan.checkedBody(form.getBody());
        List<Long> clientIds = filter.clientIds(choice(filter, form, staff));
        if (clientIds.size() > MOST_CLIENTS) {
            throw new FieldRuleException("filter", "groupTexts.filter.tooMany", String.valueOf(clientIds.size()),
                    String.valueOf(MOST_CLIENTS));
        }
        GroupTextPlan plan = GroupTextPlan.of(body, staff.displayName(), rows.facts(clientIds), quietHours.current(),
                clock.instant());
        return new GroupTextPreview(plan, twilioSetup.sendingBlockedReason());
    }

    /**
     * Sends the group the form previewed, or returns the group an earlier post of the same form sent.
     *
     * @throws RecipientsChanged when who would get it, or their words, changed since the preview
     */
    long send(GroupTextForm form, StaffPrincipal staff) {
        String sendKey = form.getSendKey();
        if (sendKey == null || !SEND_KEY.matcher(sendKey).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the form's send key is missing");
        }
        Optional<Long> earlier = rows.bySendKey(sendKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        GroupTextPreview preview = preview(form, staff);
        if (preview.blockedReason().isPresent()) {
            throw FieldRuleException.ofForm(preview.blockedReason().get());
        }
        GroupTextPlan plan = preview.plan();
        if (!plan.fingerprint().equals(form.getFingerprint()) || form.getPreviewedCount() == null
                || form.getPreviewedCount() != plan.gettingIt()) {
            throw new RecipientsChanged(preview);
        }
        if (plan.gettingIt() == 0) {
            throw FieldRuleException.ofForm("groupTexts.nobody");
        }
        RecipientFilter filter = filters.allowed(form.getFilter(), staff);
        FilterChoice choice = choice(filter, form, staff);
        String body = GroupTextPlan.checkedBody(form.getBody());
        try {
            long id = transaction.execute(status -> write(plan, body, filter, choice, sendKey, staff));
            log.info("Group text {} by {}: {} of {} chosen clients queued", id, staff.getUsername(), plan.gettingIt(),
                    plan.recipients().size());
            return id;
        } catch (DataIntegrityViolationException sameFormPostedTwiceAtOnce) {
            return rows.bySendKey(sendKey).orElseThrow(() -> sameFormPostedTwiceAtOnce);
        }
    }

    private long write(GroupTextPlan plan, String body, RecipientFilter filter, FilterChoice choice, String sendKey,
            StaffPrincipal staff) {
        Instant now = clock.instant();
        long groupId = rows.insertGroup(staff.id(), body, filter.key(), choice, (int) plan.gettingIt(), sendKey, now);
        for (GroupTextPlan.Planned recipient : plan.recipients()) {
            long clientId = recipient.client().clientId();
            if (recipient.getsIt()) {
                long scheduledId = scheduledTexts.schedule(new ScheduledTexts.NewText(clientId, recipient.caseId(),
                        recipient.body(), now, false, staff.id(), "group-" + groupId + "-" + clientId));
                rows.insertRecipient(groupId, clientId, scheduledId, null, null);
            } else {
                rows.insertRecipient(groupId, clientId, null, recipient.leftOutBecause(), recipient.leftOutDetail());
            }
        }
        return groupId;
    }

    /** Cancels every text of the group not gone yet; the ones on their way finish. How many were cancelled. */
    int cancel(long id, StaffPrincipal staff) {
        visible(id, staff);
        int cancelled = 0;
        for (long scheduledId : rows.waiting(id)) {
            try {
                scheduledTexts.cancel(scheduledId, staff);
                cancelled++;
            } catch (FieldRuleException wentMeanwhile) {
                // its turn came between the read and the cancel: it went (or was held), as the report shows
            }
        }
        rows.cancelled(id, staff.id(), clock.instant());
        log.info("Group text {} cancelled by {}: {} texts not sent", id, staff.getUsername(), cancelled);
        return cancelled;
    }

    /** The group, when this staff member may see it (its author, any supervisor or admin); else not found. */
    GroupText visible(long id, StaffPrincipal staff) {
        return rows.find(id).filter(group -> staff.seesEveryClient() || group.authorId() == staff.id())
                .orElseThrow(() -> new NotFoundException("group text", id));
    }

    GroupTextReport report(long id, StaffPrincipal staff) {
        GroupText group = visible(id, staff);
        List<GroupText.Recipient> recipients = rows.recipients(id);
        return new GroupTextReport(group, recipients, GroupText.Progress.of(recipients));
    }

    /** A caseworker's own group texts, or everyone's for a supervisor or an admin, newest first. */
    List<GroupText> listFor(StaffPrincipal staff) {
        return rows.list(staff.seesEveryClient() ? null : staff.id(), LIST_LIMIT);
    }

    List<RecipientFilter> filtersFor(StaffPrincipal staff) {
        return filters.allowedFor(staff);
    }

    /** The caseworkers an admin may choose: enabled staff, as the Staff page lists them. */
    List<Staff> caseworkers() {
        return staffService.listStaff().stream().filter(Staff::isEnabled).toList();
    }

    private FilterChoice choice(RecipientFilter filter, GroupTextForm form, StaffPrincipal staff) {
        return switch (filter.argument()) {
            case NONE -> new FilterChoice(staff, null, null);
            case CASEWORKER -> {
                if (form.getCaseworkerId() == null) {
                    throw new FieldRuleException("caseworkerId", "groupTexts.caseworker.required");
                }
                if (caseworkers().stream().noneMatch(one -> one.getId().equals(form.getCaseworkerId()))) {
                    throw new FieldRuleException("caseworkerId", "groupTexts.caseworker.unknown");
                }
                yield new FilterChoice(staff, form.getCaseworkerId(), null);
            }
            case DAY -> new FilterChoice(staff, null, day(form.getDay()));
        };
    }

    private static LocalDate day(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new FieldRuleException("day", "groupTexts.day.required");
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException notADate) {
            throw new FieldRuleException("day", "groupTexts.day.invalid");
        }
    }
}
