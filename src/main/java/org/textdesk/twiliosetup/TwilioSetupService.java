package org.textdesk.twiliosetup;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.staff.StaffService;
import org.textdesk.system.FieldRuleException;
import org.textdesk.twilio.ConnectionCheck;
import org.textdesk.twilio.CurrentTwilioSetup;
import org.textdesk.twilio.MessagingServiceCheck;
import org.textdesk.twilio.TwilioGateway;
import org.textdesk.twilio.TwilioSetup;
import org.textdesk.twilio.WebhookAddresses;
import org.textdesk.twiliosetup.AuthTokenCipher.UnreadableTokenException;
import org.textdesk.twiliosetup.TwilioSetupPage.TokenState;

/** Twilio Setup: the account TextDesk texts from, and whether texting may happen at all. */
@Service
public class TwilioSetupService implements CurrentTwilioSetup {

    /** Dates on screen the way the seed shows them: 8/17/2016 2:30:55 PM. */
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    private static final Logger log = LoggerFactory.getLogger(TwilioSetupService.class);

    private final TwilioSettingsRepository repository;
    private final AuthTokenCipher cipher;
    private final TwilioGateway gateway;
    private final WebhookAddresses webhookAddresses;
    private final StaffService staffService;
    private final Clock clock;
    private final ZoneId timeZone;
    private final long cacheNanos;
    /** The last setup read, for every webhook's signature check and every send; see {@link #currentSetup()}. */
    private volatile CachedSetup cached;

    private record CachedSetup(TwilioSetup setup, long readAtNanos) {
    }

    TwilioSetupService(TwilioSettingsRepository repository, AuthTokenCipher cipher, TwilioGateway gateway,
            WebhookAddresses webhookAddresses, StaffService staffService, Clock clock,
            @Value("${textdesk.time-zone}") ZoneId timeZone,
            @Value("${textdesk.twilio.setup-cache:5s}") Duration cacheFor) {
        this.repository = repository;
        this.cipher = cipher;
        this.gateway = gateway;
        this.webhookAddresses = webhookAddresses;
        this.staffService = staffService;
        this.clock = clock;
        this.timeZone = timeZone;
        this.cacheNanos = cacheFor.toNanos();
    }

    /**
     * The saved setup with the decrypted Auth Token, for sending and webhooks only (see {@link TwilioSetup}).
     * Not enabled and empty when nothing is saved; the token is null when it cannot be decrypted.
     *
     * <p>Read at most once per {@code textdesk.twilio.setup-cache} (default 5 s; 0 reads it every time) and
     * forgotten when {@link #saveSetup} commits: every webhook and send needs it, and reading and decrypting it
     * each time cost a database round trip per status callback (README "Performance"). A change written to the
     * table behind TextDesk's back (SQL by hand, another instance) is seen within that time.
     */
    @Override
    public TwilioSetup currentSetup() {
        CachedSetup last = cached;
        if (last != null && System.nanoTime() - last.readAtNanos() < cacheNanos) {
            return last.setup();
        }
        long readAt = System.nanoTime();
        TwilioSetup setup = readSetup();
        if (cacheNanos > 0) {
            cached = new CachedSetup(setup, readAt);
        }
        return setup;
    }

    /**
     * The saved setup read now, past the cache (which it then replaces): for a webhook whose signature does not
     * match the cached Auth Token, which may have been changed on another instance a moment ago. Refusing it
     * with the cached one would be a 403, which Twilio does not retry.
     */
    @Override
    public TwilioSetup freshSetup() {
        long readAt = System.nanoTime();
        TwilioSetup setup = readSetup();
        if (cacheNanos > 0) {
            cached = new CachedSetup(setup, readAt);
        }
        return setup;
    }

    private TwilioSetup readSetup() {
        return repository.findTheSettings().map(settings -> new TwilioSetup(settings.isEnabled(),
                settings.getAccountSid(), readableToken(settings).orElse(null), settings.getStatusCallbackUrl(),
                settings.getTwilioNumber(), settings.getTextResponse(), settings.getCallResponse(),
                settings.getMessagingServiceSid()))
                .orElse(TwilioSetup.NONE);
    }

    /**
     * Why texts cannot be sent right now, as a message key for caseworkers (section Twilio Setup of
     * messages.properties), or empty when the setup is saved, complete and enabled.
     */
    @Transactional(readOnly = true)
    public Optional<String> sendingBlockedReason() {
        Optional<TwilioSettings> saved = repository.findTheSettings();
        if (saved.isEmpty()) {
            return Optional.of("twilio.blocked.notSetUp");
        }
        TwilioSettings settings = saved.get();
        if (settings.hasAuthToken() && readableToken(settings).isEmpty()) {
            return Optional.of("twilio.blocked.tokenUnreadable");
        }
        TwilioSetup setup = currentSetup();
        if (!setup.isComplete()) {
            return Optional.of("twilio.blocked.incomplete");
        }
        if (!setup.enabled()) {
            return Optional.of("twilio.blocked.disabled");
        }
        return Optional.empty();
    }

    /** The page's view of the saved setup; Status Callback prefilled when none is saved. */
    @Transactional(readOnly = true)
    TwilioSetupPage page() {
        WebhookAddresses.Addresses webhooks = webhookAddresses.addresses();
        Optional<TwilioSettings> saved = repository.findTheSettings();
        if (saved.isEmpty()) {
            return new TwilioSetupPage(false, "", webhooks.status(), "", "", "", "", null, TokenState.NOT_SET, "", null,
                    null, webhooks);
        }
        TwilioSettings settings = saved.get();
        TokenState tokenState = TokenState.NOT_SET;
        String tokenEnding = "";
        if (settings.hasAuthToken()) {
            Optional<String> token = readableToken(settings);
            tokenState = token.isPresent() ? TokenState.SET : TokenState.UNREADABLE;
            tokenEnding = token.map(TwilioSetupService::lastFour).orElse("");
        }
        String changedBy = settings.getUpdatedBy() == null ? null
                : staffService.findStaff(settings.getUpdatedBy()).getDisplayName();
        String changedAt = SHOWN.format(settings.getUpdatedAt().atZone(timeZone));
        return new TwilioSetupPage(settings.isEnabled(), nullToEmpty(settings.getAccountSid()),
                settings.getStatusCallbackUrl() == null ? webhooks.status() : settings.getStatusCallbackUrl(),
                TwilioNumber.readable(settings.getTwilioNumber()), nullToEmpty(settings.getMessagingServiceSid()),
                settings.getTextResponse(),
                settings.getCallResponse(), settings.getVersion(), tokenState, tokenEnding, changedBy, changedAt,
                webhooks);
    }

    /** The saved setup's version, for {@link #saveSetup}; null when nothing is saved. */
    @Transactional(readOnly = true)
    public Long savedVersion() {
        return repository.findTheSettings().map(TwilioSettings::getVersion).orElse(null);
    }

    /**
     * Saves the setup when every rule holds and nobody else saved it since {@code expectedVersion}
     * (null: the form was opened before anything was saved). {@code changedBy} is null when TextDesk
     * itself saves (demo data, tests).
     *
     * @throws SetupRefusedException with every problem beside its field, or when the form is stale
     */
    @Transactional
    void saveSetup(TwilioSetupChange change, Long expectedVersion, StaffPrincipal changedBy) {
        Optional<TwilioSettings> saved = repository.findTheSettings();
        if (!Objects.equals(expectedVersion, saved.map(TwilioSettings::getVersion).orElse(null))) {
            throw SetupRefusedException.stale();
        }
        TwilioSettings settings = saved.orElseGet(TwilioSettings::first);
        boolean tokenStored = saved.flatMap(this::readableToken).isPresent();
        TwilioSetupChange.Checked checked = change.check(tokenStored);
        String encryptedNewToken = checked.newAuthToken() == null ? null : cipher.encrypt(checked.newAuthToken());
        settings.change(checked, encryptedNewToken, changedBy == null ? null : changedBy.id(), clock.instant());
        try {
            repository.saveAndFlush(settings);
        } catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException savedMeanwhile) {
            throw SetupRefusedException.stale();
        }
        forgetCachedSetup();
        log.info("Twilio Setup saved by {}: enabled={}, account {}, Auth Token {}",
                changedBy == null ? "TextDesk" : changedBy.getUsername(), checked.enabled(), checked.accountSid(),
                encryptedNewToken == null ? "kept" : "replaced");
    }

    /**
     * Saves Twilio Setup as TextDesk itself, enabled, with this account (a Twilio-compatible one TextDesk runs:
     * the built-in sandbox), keeping the saved Text and Call Responses (the seed's when none are saved), and the
     * saved Messaging Service while the account stays the same (a service belongs to one account).
     * {@code newAuthToken} null keeps the stored Auth Token.
     *
     * @throws IllegalStateException when a value breaks a rule, or another instance saved the setup meanwhile
     */
    @Transactional
    public void saveAsTextDesk(String accountSid, String newAuthToken, String statusCallback, String twilioNumber) {
        Optional<TwilioSettings> saved = repository.findTheSettings();
        String textResponse = saved.map(TwilioSettings::getTextResponse).orElse(TwilioDemoSetup.TEXT_RESPONSE);
        String callResponse = saved.map(TwilioSettings::getCallResponse).orElse(TwilioDemoSetup.CALL_RESPONSE);
        String messagingService = saved.filter(settings -> accountSid.equals(settings.getAccountSid()))
                .map(TwilioSettings::getMessagingServiceSid).orElse("");
        try {
            saveSetup(new TwilioSetupChange(true, accountSid, newAuthToken == null ? "" : newAuthToken, statusCallback,
                    twilioNumber, textResponse, callResponse, messagingService),
                    saved.map(TwilioSettings::getVersion).orElse(null), null);
        } catch (SetupRefusedException refused) {
            throw new IllegalStateException("Twilio Setup not saved: " + refused.getMessage());
        }
    }

    /** What "Test connection" found: the account, and the Messaging Service when one was typed and the account works. */
    record ConnectionTest(ConnectionCheck account, String messagingServiceSid, MessagingServiceCheck messagingService) {
    }

    /**
     * Asks Twilio for the account with the typed Account SID and the typed Auth Token, or the stored
     * one when none is typed, then, when a Messaging Service SID is typed and the account answered, for that
     * service (Messaging API v1) and whether the typed Twilio number is one of its senders. Holds no transaction
     * during the calls.
     *
     * @throws FieldRuleException when the Account SID, the Auth Token or the Messaging Service SID is missing or
     *                            malformed
     */
    ConnectionTest testConnection(String typedAccountSid, String typedAuthToken, String typedMessagingServiceSid,
            String typedTwilioNumber) {
        String accountSid = typedAccountSid == null ? "" : typedAccountSid.strip();
        if (accountSid.isEmpty()) {
            throw new FieldRuleException("accountSid", "twilio.accountSid.requiredToTest");
        }
        if (!TwilioSetupChange.isAccountSid(accountSid)) {
            throw new FieldRuleException("accountSid", "twilio.accountSid.invalid");
        }
        String serviceSid = typedMessagingServiceSid == null ? "" : typedMessagingServiceSid.strip();
        if (!serviceSid.isEmpty() && !TwilioSetupChange.isMessagingServiceSid(serviceSid)) {
            throw new FieldRuleException("messagingServiceSid", "twilio.messagingServiceSid.invalid");
        }
        String authToken = typedAuthToken == null ? "" : typedAuthToken.strip();
        if (authToken.isEmpty()) {
            Optional<TwilioSettings> saved = repository.findTheSettings();
            if (saved.isEmpty() || !saved.get().hasAuthToken()) {
                throw new FieldRuleException("authToken", "twilio.authToken.requiredToTest");
            }
            authToken = readableToken(saved.get())
                    .orElseThrow(() -> new FieldRuleException("authToken", "twilio.authToken.unreadableToTest"));
        } else if (!TwilioSetupChange.isAuthToken(authToken)) {
            throw new FieldRuleException("authToken", "twilio.authToken.invalid");
        }
        ConnectionCheck account = gateway.testConnection(accountSid, authToken);
        if (serviceSid.isEmpty() || !account.isOk()) {
            return new ConnectionTest(account, serviceSid, null);
        }
        return new ConnectionTest(account, serviceSid,
                gateway.checkMessagingService(accountSid, authToken, serviceSid,
                        typedTwilioNumber == null ? null : TwilioNumber.toE164(typedTwilioNumber).orElse(null)));
    }

    /** Forgets the cached setup now and again when the current transaction commits (readers may re-read meanwhile). */
    private void forgetCachedSetup() {
        cached = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cached = null;
                }
            });
        }
    }

    /** TEXTDESK_TWILIO_API_BASE_URL, named when Twilio cannot be reached. */
    String apiBaseUrl() {
        return gateway.apiBaseUrl();
    }

    private Optional<String> readableToken(TwilioSettings settings) {
        if (!settings.hasAuthToken()) {
            return Optional.empty();
        }
        try {
            return Optional.of(cipher.decrypt(settings.getAuthTokenEncrypted()));
        } catch (UnreadableTokenException e) {
            log.warn(e.getMessage());
            return Optional.empty();
        }
    }

    private static String lastFour(String token) {
        return token.length() <= 4 ? "" : token.substring(token.length() - 4);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
