package org.textdesk.sandbox.api;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.textdesk.sandbox.SandboxAccount;
import org.textdesk.sandbox.TwilioStyleRequests;
import org.textdesk.sandbox.WebhookTargets;
import org.textdesk.twilio.TwilioSetup;
import org.textdesk.twiliosetup.TwilioSetupService;

/**
 * The sandbox's status callbacks: one task per status of an accepted text (queued, sending, sent, then delivered
 * or undelivered), written with the text and run by the clustered scheduler a few seconds apart, so one instance
 * posts each once and a killed instance's are posted by another. Each posts Twilio's parameters, signed, to the
 * StatusCallback given on the create call; a post that fails is tried again 10 s later, up to 5 times.
 */
@Configuration(proxyBeanMethods = false)
class StatusCallbacks {

    static final String TASK = "sandbox-status-callback";

    private static final Logger log = LoggerFactory.getLogger(StatusCallbacks.class);
    /** Twilio's RawDlrDoneDate: the carrier's delivery report time, YYMMDDhhmm in UTC. */
    private static final DateTimeFormatter RAW_DLR_DONE_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm")
            .withZone(ZoneOffset.UTC);

    private final SandboxMessages messages;
    private final TwilioStyleRequests requests;
    private final WebhookTargets targets;
    private final TwilioSetupService setupService;
    private final Clock clock;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> task = Tasks.oneTime(TASK)
            .onFailure(new FailureHandler.MaxRetriesFailureHandler<Void>(5,
                    new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(10))))
            .execute((instance, context) -> report(Step.parse(instance.getId())));

    StatusCallbacks(SandboxMessages messages, TwilioStyleRequests requests, WebhookTargets targets,
            TwilioSetupService setupService, Clock clock, @Lazy SchedulerClient scheduler) {
        this.messages = messages;
        this.requests = requests;
        this.targets = targets;
        this.setupService = setupService;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @Bean
    OneTimeTask<Void> sandboxStatusCallbackTask() {
        return task;
    }

    /** Schedules every status of a text just accepted, counted from {@code acceptedAt}; call in its transaction. */
    void scheduleAll(SandboxMessage message, Destination destination, Instant acceptedAt) {
        for (int step = 0; step < destination.statuses().size(); step++) {
            scheduler.scheduleIfNotExists(task.instance(new Step(message.sid(), step).id()),
                    acceptedAt.plus(Destination.delayOf(step)));
        }
    }

    /** One status of one text: the task instance's id, {@code SM…/2}. */
    record Step(String messageSid, int step) {

        String id() {
            return messageSid + "/" + step;
        }

        static Step parse(String id) {
            int slash = id.lastIndexOf('/');
            return new Step(id.substring(0, slash), Integer.parseInt(id.substring(slash + 1)));
        }
    }

    private void report(Step step) {
        SandboxMessage message = messages.find(SandboxAccount.ACCOUNT_SID, step.messageSid()).orElse(null);
        if (message == null) {
            log.info("Sandbox status callback for an unknown message {} dropped", step.messageSid());
            return;
        }
        Destination destination = Destination.of(message.to());
        String status = destination.statuses().get(step.step());
        Integer errorCode = destination.errorCodeOf(status);
        Instant now = clock.instant();
        messages.advance(message.sid(), step.step(), status, errorCode, now);
        if (message.statusCallback() == null) {
            return;
        }
        TwilioSetup setup = setupService.currentSetup();
        if (!SandboxAccount.ACCOUNT_SID.equals(setup.accountSid()) || setup.authToken() == null) {
            log.warn("Sandbox status callback for {} not sent: Twilio Setup no longer holds the sandbox's account",
                    message.sid());
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", message.accountSid());
        params.put("ApiVersion", SandboxAccount.API_VERSION);
        if (errorCode != null) {
            params.put("ErrorCode", String.valueOf(errorCode));
        }
        params.put("From", message.from());
        params.put("MessageSid", message.sid());
        params.put("MessageStatus", status);
        if (message.messagingServiceSid() != null) {
            params.put("MessagingServiceSid", message.messagingServiceSid());
        }
        if ("delivered".equals(status) || "undelivered".equals(status)) {
            params.put("RawDlrDoneDate", RAW_DLR_DONE_DATE.format(now));
        }
        params.put("SmsSid", message.sid());
        params.put("SmsStatus", status);
        params.put("To", message.to());
        TwilioStyleRequests.Answer answer;
        try {
            answer = requests.post(targets.statusCallback(message.statusCallback()), params, setup.authToken());
        } catch (IOException unreachable) {
            throw new UncheckedIOException("status callback " + status + " for " + message.sid() + " not answered",
                    unreachable);
        }
        if (!answer.ok()) {
            throw new IllegalStateException("status callback " + status + " for " + message.sid() + " answered HTTP "
                    + answer.status());
        }
        log.debug("Sandbox status callback {} for {} answered HTTP {}", status, message.sid(), answer.status());
    }
}
