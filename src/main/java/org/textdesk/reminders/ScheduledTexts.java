package org.textdesk.reminders;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.NotFoundException;

/**
 * Texts that go out later: each row is written with its task instance of the clustered scheduler in one
 * transaction, so a text is scheduled together with its task or not at all. The rules of a text (one SMS, Okay to
 * Text...) are sending's: it checks them before calling {@link #schedule} or {@link #change}, and again at send
 * time through {@link ScheduledTextSender}. A caseworker sees and changes their own; admins all.
 */
@Service
public class ScheduledTexts {

    /**
     * Texts on one page of the Scheduled page. The page showed 200 at once: rendering them was about 70% of its
     * CPU (async-profiler, 2026-12-03), and its p95 while reminders went out 59 ms against 26-38 ms for the other pages.
     */
    static final int PAGE_SIZE = 50;
    /** Texts counted past a page's first, at most: "more than" beyond (as Incoming does). */
    static final int COUNT_AHEAD = 1_000;

    /** A text to schedule, checked by sending; {@code sendKey} makes a repeated post of one form schedule once. */
    public record NewText(long clientId, Long caseId, String body, Instant dueAt, boolean confirmNotSafe, long staffId,
            String sendKey) {
    }

    private final ScheduledTextRows rows;
    private final SchedulerClient scheduler;
    private final Clock clock;

    private final org.textdesk.client.ClientAccess access;

    ScheduledTexts(ScheduledTextRows rows, @Lazy SchedulerClient scheduler, Clock clock,
            org.textdesk.client.ClientAccess access) {
        this.access = access;
        this.rows = rows;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Call in the transaction that checked the text: the row and its task are written with it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long schedule(NewText text) {
        long id = rows.insert(text, clock.instant());
        scheduler.schedule(taskInstance(id, 0), text.dueAt());
        return id;
    }

    /** The text an earlier post of the same form scheduled. */
    public Optional<Long> scheduledBySendKey(String sendKey) {
        return rows.bySendKey(sendKey);
    }

    /** A new body, case or time (checked by sending in this transaction); refused once it has gone. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void change(long id, NewText text, StaffPrincipal staff) {
        ScheduledText before = visible(id, staff);
        int version = rows.change(id, text, clock.instant())
                .orElseThrow(() -> FieldRuleException.ofForm("reminders.scheduled.gone"));
        forget(before.id(), version - 1);
        scheduler.schedule(taskInstance(id, version), text.dueAt());
    }

    @Transactional
    public void cancel(long id, StaffPrincipal staff) {
        visible(id, staff);
        int version = rows.due(id).orElseThrow().version();
        if (!rows.cancel(id, clock.instant())) {
            throw FieldRuleException.ofForm("reminders.scheduled.gone");
        }
        forget(id, version);
    }

    /**
     * Cancels a text another module planned by its own rules (an appointment's reminder, moved or cancelled with
     * its appointment), whoever scheduled it; false when it had already gone (sent, failed, cancelled).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean cancelPlanned(long id) {
        Optional<ScheduledTextRows.Due> due = rows.due(id);
        if (due.isEmpty() || !rows.cancel(id, clock.instant())) {
            return false;
        }
        forget(id, due.get().version());
        return true;
    }

    /** These texts as the pages show them (an appointment's reminders), whoever scheduled them. */
    @Transactional(readOnly = true)
    public List<ScheduledText> findAll(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : rows.findAll(ids);
    }

    /** The text, when this staff member may see it (theirs, or any for an admin or a supervisor); else not found. */
    @Transactional(readOnly = true)
    public ScheduledText visible(long id, StaffPrincipal staff) {
        return rows.find(id).filter(text -> staff.seesEveryClient() || text.createdBy() == staff.id())
                .orElseThrow(() -> new NotFoundException("scheduled text", id));
    }

    /**
     * The Scheduled page: a caseworker's own texts, or everyone's for an admin or a supervisor; only those to clients
     * the person may see (restricted caseloads).
     */
    @Transactional(readOnly = true)
    public Listing pageFor(StaffPrincipal staff, int pageNumber) {
        Long createdBy = staff.seesEveryClient() ? null : staff.id();
        org.textdesk.client.ClientAccess.Scope scope = access.scopeOf(staff);
        int requested = Math.max(1, pageNumber);
        long counted = (requested - 1L) * PAGE_SIZE + COUNT_AHEAD;
        long found = rows.countUpTo(createdBy, scope, counted + 1);
        int lastPage = (int) Math.max(1, (found + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(requested, lastPage);
        List<ScheduledText> texts = found == 0 ? List.of()
                : rows.list(createdBy, scope, (number - 1L) * PAGE_SIZE, PAGE_SIZE);
        return new Listing(new PageImpl<>(texts, PageRequest.of(number - 1, PAGE_SIZE), found),
                found > counted ? counted : null);
    }

    /**
     * One page of the Scheduled page.
     *
     * @param texts the texts; the total is exact when {@code moreThan} is null, else one more than it
     * @param moreThan when there are more texts than were counted, how many were: "more than 1,000 texts"
     */
    public record Listing(Page<ScheduledText> texts, Long moreThan) {
    }

    /** A client's texts still waiting to go, and held ones. */
    @Transactional(readOnly = true)
    public List<ScheduledText> waitingOfClient(long clientId) {
        return rows.waitingOfClient(clientId);
    }

    static TaskInstance<Void> taskInstance(long id, int version) {
        return new TaskInstance<>(ScheduledTextTask.NAME, id + "-v" + version);
    }

    /** The task of an older version: gone, or running now (it then finds the row changed and does nothing). */
    private void forget(long id, int version) {
        try {
            scheduler.cancel(TaskInstanceId.of(ScheduledTextTask.NAME, id + "-v" + version));
        } catch (TaskInstanceException goneOrRunning) {
            // nothing to cancel, or its run finds the version moved on
        }
    }
}
