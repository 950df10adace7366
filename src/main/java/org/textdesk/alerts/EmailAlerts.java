package org.textdesk.alerts;

import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.textdesk.inbox.UnreadFromMyClients;

/**
 * Sends the due email alerts: to each caseworker with alerts on whose oldest unread text from their clients has
 * waited more than their chosen hours, at most one an hour. The send is claimed (last_sent_at moved forward) and
 * made in one transaction: a failed SMTP send rolls the claim back, so the next run tries again; a claim another
 * run made first stops this one. The email holds a count and a link, nothing about any client.
 *
 * <p>Without spring.mail.host there is no mail sender: the job does nothing, as said once at start.
 */
@Service
class EmailAlerts {

    private static final Logger log = LoggerFactory.getLogger(EmailAlerts.class);

    private final AlertSettings settings;
    private final UnreadFromMyClients unread;
    private final JavaMailSender mailSender;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final String inboxLink;
    private final String from;

    EmailAlerts(AlertSettings settings, UnreadFromMyClients unread, ObjectProvider<JavaMailSender> mailSender,
            MessageSource messages, TransactionTemplate transaction,
            @Value("${textdesk.twilio.public-base-url:}") String publicBaseUrl,
            @Value("${textdesk.alerts.from}") String from) {
        this.settings = settings;
        this.unread = unread;
        this.mailSender = mailSender.getIfAvailable();
        this.messages = messages;
        this.transaction = transaction;
        String base = publicBaseUrl == null ? "" : publicBaseUrl.strip();
        this.inboxLink = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/inbox";
        this.from = from;
        if (this.mailSender == null) {
            log.info("Email alerts are off: no mail server is set (spring.mail.host)");
        } else if (base.isEmpty()) {
            log.info("Email alerts link to {} only: TEXTDESK_PUBLIC_BASE_URL is not set", inboxLink);
        }
    }

    /** Whether a mail server is set, so that alerts can go out. */
    boolean mailConfigured() {
        return mailSender != null;
    }

    /** Sends every alert due at {@code now}; returns how many went out. */
    int sendDue(Instant now) {
        if (mailSender == null) {
            return 0;
        }
        int sent = 0;
        for (AlertSettings.Subscriber subscriber : settings.subscribers()) {
            UnreadFromMyClients.Unread waiting = unread.unreadSummaryOf(subscriber.staffId());
            if (AlertRule.isDue(waiting.oldestReceivedAt(), subscriber.afterHours(), subscriber.lastSentAt(), now)
                    && sendOne(subscriber, waiting.count(), now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean sendOne(AlertSettings.Subscriber subscriber, long count, Instant now) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (!settings.claim(subscriber.staffId(), now)) {
                    return false;
                }
                mailSender.send(alert(subscriber.email(), count));
                return true;
            }));
        } catch (MailException failed) {
            // Only the staff id: the exception's text may carry the address.
            log.warn("Email alert to staff {} not sent, tried again next run: {}", subscriber.staffId(),
                    failed.getClass().getSimpleName());
            return false;
        }
    }

    private SimpleMailMessage alert(String to, long count) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(messages.getMessage("alerts.email.subject", new Object[] {count}, Locale.ENGLISH));
        mail.setText(messages.getMessage("alerts.email.body", new Object[] {count, inboxLink}, Locale.ENGLISH));
        return mail;
    }
}
