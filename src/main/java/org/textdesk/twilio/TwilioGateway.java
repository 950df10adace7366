package org.textdesk.twilio;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.rest.messaging.v1.Service;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one class that calls the Twilio REST API, through the twilio-java SDK at
 * TEXTDESK_TWILIO_API_BASE_URL. Each call builds a {@link TwilioRestClient} for the credentials it is
 * given over one shared HTTP client (timeouts of a few seconds, no automatic retry). Nothing it logs
 * or returns contains the Auth Token. Callers must not hold a database transaction during a call.
 */
@Component
public class TwilioGateway implements DisposableBean {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(TwilioGateway.class);
    private static final Pattern ACCOUNT_SID = Pattern.compile(TwilioSetup.ACCOUNT_SID_PATTERN);
    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile(TwilioSetup.MESSAGING_SERVICE_SID_PATTERN);
    /** A Sender Pool holds at most 400 numbers; Twilio pages its list. */
    private static final int SENDERS_PER_PAGE = 100;
    private static final int MAX_SENDERS = 400;

    private final Supplier<String> apiBaseUrl;
    private final TwilioApiHttpClient httpClient;

    /** TEXTDESK_TWILIO_API_BASE_URL, or the {@link TwilioApiAddress} when there is one (the built-in sandbox). */
    @Autowired
    TwilioGateway(TwilioProperties properties, ObjectProvider<TwilioApiAddress> runtimeAddress) {
        this(apiBaseUrl(properties, runtimeAddress.getIfAvailable()), CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    /** A gateway to another API address or with other timeouts; the application uses the one above. */
    TwilioGateway(String apiBaseUrl, Duration connectTimeout, Duration readTimeout) {
        this(() -> apiBaseUrl, connectTimeout, readTimeout);
    }

    private TwilioGateway(Supplier<String> apiBaseUrl, Duration connectTimeout, Duration readTimeout) {
        this.apiBaseUrl = apiBaseUrl;
        this.httpClient = new TwilioApiHttpClient(apiBaseUrl, connectTimeout, readTimeout);
    }

    private static Supplier<String> apiBaseUrl(TwilioProperties properties, TwilioApiAddress runtimeAddress) {
        String configured = properties.apiBaseUrlWithoutSlash();
        return runtimeAddress == null ? () -> configured : runtimeAddress::apiBaseUrl;
    }

    /** Fetches the account with these credentials: whether Twilio accepts them, in plain outcomes. */
    public ConnectionCheck testConnection(String accountSid, String authToken) {
        requireAccountSid(accountSid);
        try {
            Account account = Account.fetcher(accountSid).fetch(client(accountSid, authToken));
            log.info("Twilio connection test for account {}: OK", accountSid);
            return ConnectionCheck.ok(account.getFriendlyName());
        } catch (TwilioException e) {
            TwilioFailure failure = TwilioFailure.of(e);
            log.info("Twilio connection test for account {} at {}: {}", accountSid, apiBaseUrl.get(), failure);
            return ConnectionCheck.from(failure);
        }
    }

    /**
     * Fetches the Messaging Service from Twilio's Messaging API v1 (messaging.twilio.com) with these credentials:
     * whether the account has it, and its name. Twilio answers 404 both for a SID that does not exist and for
     * a service of another account.
     */
    public MessagingServiceCheck checkMessagingService(String accountSid, String authToken, String serviceSid) {
        return checkMessagingService(accountSid, authToken, serviceSid, null);
    }

    /**
     * As above, and when the service is found and {@code twilioNumberE164} is given, whether that number is one of
     * the service's senders (its Sender Pool, listed by the Messaging API): texts through the service go out from
     * the pool's numbers, so a number outside it is not the one clients see or answer.
     */
    public MessagingServiceCheck checkMessagingService(String accountSid, String authToken, String serviceSid,
            String twilioNumberE164) {
        requireAccountSid(accountSid);
        if (serviceSid == null || !MESSAGING_SERVICE_SID.matcher(serviceSid).matches()) {
            throw new IllegalArgumentException("not a Messaging Service SID (MG and 32 hexadecimal characters)");
        }
        try {
            Service service = Service.fetcher(serviceSid).fetch(client(accountSid, authToken));
            if (service.getAccountSid() != null && !service.getAccountSid().equalsIgnoreCase(accountSid)) {
                log.info("Messaging Service {} belongs to account {}, not {}", serviceSid, service.getAccountSid(),
                        accountSid);
                return MessagingServiceCheck.ofAnotherAccount(service.getAccountSid());
            }
            log.info("Messaging Service {} of account {}: found", serviceSid, accountSid);
            MessagingServiceCheck found = MessagingServiceCheck.found(service.getFriendlyName());
            return twilioNumberE164 == null ? found
                    : found.withNumberInSenderPool(inSenderPool(accountSid, authToken, serviceSid, twilioNumberE164));
        } catch (TwilioException e) {
            TwilioFailure failure = TwilioFailure.of(e);
            log.info("Messaging Service {} of account {} at {}: {}", serviceSid, accountSid, apiBaseUrl.get(), failure);
            return MessagingServiceCheck.from(failure);
        }
    }

    /** Whether the number is in the service's Sender Pool; null when Twilio's list could not be had. */
    private Boolean inSenderPool(String accountSid, String authToken, String serviceSid, String numberE164) {
        try {
            for (com.twilio.rest.messaging.v1.service.PhoneNumber sender : com.twilio.rest.messaging.v1.service.PhoneNumber
                    .reader(serviceSid).pageSize(SENDERS_PER_PAGE).limit(MAX_SENDERS)
                    .read(client(accountSid, authToken))) {
                if (sender.getPhoneNumber() != null && numberE164.equals(sender.getPhoneNumber().toString())) {
                    return true;
                }
            }
            return false;
        } catch (TwilioException e) {
            log.info("Sender Pool of Messaging Service {} at {}: {}", serviceSid, apiBaseUrl.get(), TwilioFailure.of(e));
            return null;
        }
    }

    /**
     * Asks Twilio to send one text with the setup's Status Callback: from the setup's number, and through its
     * Messaging Service when it has one. Exactly one request is made: a lost answer is reported as such, never
     * retried.
     *
     * <p>With a Messaging Service the Twilio number is sent as From as well. Twilio's description of
     * MessagingServiceSid: "When this parameter is provided and the from parameter is omitted, Twilio selects the
     * optimal sender from the Messaging Service's Sender Pool. You may also provide a from parameter if you want
     * to use a specific Sender from the Sender Pool." TextDesk shows staff and records the Twilio # as the number
     * a text came from, the client replies to it, and reconciliation looks a lost send up by it (From): a sender
     * picked from the pool would make all three wrong. The service still applies (its A2P 10DLC registration and
     * its features; the StatusCallback sent takes priority over the service's own), and the first status is
     * "accepted". The Twilio # must therefore be in the service's sender pool.
     */
    public SendAttempt sendMessage(TwilioSetup setup, String toE164, String body) {
        requireAccountSid(setup.accountSid());
        try {
            MessageCreator creator = setup.usesMessagingService()
                    ? Message.creator(new PhoneNumber(toE164), setup.messagingServiceSid(), body)
                            .setFrom(new PhoneNumber(setup.twilioNumber()))
                    : Message.creator(new PhoneNumber(toE164), new PhoneNumber(setup.twilioNumber()), body);
            Message message = creator.setStatusCallback(URI.create(setup.statusCallbackUrl()))
                    .create(client(setup.accountSid(), setup.authToken()));
            String status = message.getStatus() == null ? "queued" : message.getStatus().toString();
            return SendAttempt.accepted(message.getSid(), status);
        } catch (TwilioException e) {
            TwilioFailure failure = TwilioFailure.of(e);
            log.warn("Twilio did not accept a text for account {}: {}", setup.accountSid(), failure);
            return SendAttempt.from(failure);
        }
    }

    /**
     * Asks Twilio for one message by its SID: its current status and error code. Empty when Twilio does
     * not know the SID (HTTP 404).
     *
     * @throws TwilioLookupException when Twilio cannot be asked or answers with another error
     */
    public Optional<TwilioMessage> fetchMessage(TwilioSetup setup, String sid) {
        requireAccountSid(setup.accountSid());
        try {
            return Optional.of(toTwilioMessage(Message.fetcher(setup.accountSid(), sid)
                    .fetch(client(setup.accountSid(), setup.authToken()))));
        } catch (TwilioException e) {
            TwilioFailure failure = TwilioFailure.of(e);
            if (failure.httpStatus() != null && failure.httpStatus() == 404) {
                return Optional.empty();
            }
            throw new TwilioLookupException("Twilio could not be asked for message " + sid + ": " + failure);
        }
    }

    /**
     * Asks Twilio for the messages from one number to another sent on or after the day of
     * {@code sentSince} (UTC), newest first, at most {@code limit}: to find a message whose SID was lost
     * with the answer to its send.
     *
     * @throws TwilioLookupException when Twilio cannot be asked or answers with an error
     */
    public List<TwilioMessage> listMessages(TwilioSetup setup, String toE164, String fromE164, Instant sentSince,
            int limit) {
        requireAccountSid(setup.accountSid());
        try {
            List<TwilioMessage> found = new ArrayList<>();
            for (Message message : Message.reader(setup.accountSid())
                    .setTo(new PhoneNumber(toE164))
                    .setFrom(new PhoneNumber(fromE164))
                    .setDateSentAfter(ZonedDateTime.ofInstant(sentSince, ZoneOffset.UTC))
                    .setPageSize((long) Math.min(limit, 100))
                    .limit(limit)
                    .read(client(setup.accountSid(), setup.authToken()))) {
                found.add(toTwilioMessage(message));
                if (found.size() >= limit) {
                    break;
                }
            }
            return found;
        } catch (TwilioException e) {
            throw new TwilioLookupException("Twilio could not list messages for account " + setup.accountSid() + ": "
                    + TwilioFailure.of(e));
        }
    }

    /**
     * Deletes one message at Twilio (Message deleter: DELETE .../Messages/{Sid}.json), its body and media with it;
     * Twilio only deletes a message that has reached a final status. One request, never retried here.
     *
     * @return whether it is gone at Twilio (deleted now, or Twilio does not know it: HTTP 404); false when it
     *         should be tried again later
     */
    public boolean deleteMessage(TwilioSetup setup, String sid) {
        requireAccountSid(setup.accountSid());
        try {
            return Message.deleter(setup.accountSid(), sid).delete(client(setup.accountSid(), setup.authToken()));
        } catch (TwilioException e) {
            TwilioFailure failure = TwilioFailure.of(e);
            if (failure.httpStatus() != null && failure.httpStatus() == 404) {
                return true;
            }
            log.info("Message {} could not be deleted at Twilio yet: {}", sid, failure);
            return false;
        }
    }

    private static TwilioMessage toTwilioMessage(Message message) {
        return new TwilioMessage(message.getSid(), message.getTo(),
                message.getFrom() == null ? null : message.getFrom().toString(), message.getBody(),
                message.getStatus() == null ? null : message.getStatus().toString(),
                message.getErrorCode() == null ? null : String.valueOf(message.getErrorCode()),
                message.getDateCreated() == null ? null : message.getDateCreated().toInstant());
    }

    /** TEXTDESK_TWILIO_API_BASE_URL, to name it when Twilio cannot be reached. */
    public String apiBaseUrl() {
        return apiBaseUrl.get();
    }

    /** A client for these credentials over the shared HTTP client (also {@link TwilioMedia}'s). */
    TwilioRestClient client(String accountSid, String authToken) {
        if (authToken == null || authToken.isEmpty()) {
            throw new IllegalArgumentException("an Auth Token is required");
        }
        return new TwilioRestClient.Builder(accountSid, authToken).httpClient(httpClient).build();
    }

    private static void requireAccountSid(String accountSid) {
        if (accountSid == null || !ACCOUNT_SID.matcher(accountSid).matches()) {
            throw new IllegalArgumentException("not an Account SID (AC and 32 hexadecimal characters)");
        }
    }

    @Override
    public void destroy() {
        httpClient.close();
    }
}
