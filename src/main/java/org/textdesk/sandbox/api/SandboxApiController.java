package org.textdesk.sandbox.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.textdesk.sandbox.SandboxAccount;
import org.textdesk.sandbox.WebhookTargets;

/**
 * The sandbox's Twilio-compatible REST API, the part TextDesk uses: fetch the account, create, fetch and list
 * messages, their media, and fetch the Messaging Service. The SDK reaches it through the same rewriting of
 * *.twilio.com as TEXTDESK_TWILIO_API_BASE_URL, so its paths are Twilio's below {@link SandboxAccount#API_PATH}.
 */
@RestController
@RequestMapping(SandboxAccount.API_PATH)
class SandboxApiController {

    static final String ACCOUNT = "/2010-04-01/Accounts/{accountSid}";
    static final String MEDIA_DIRECTORY = "static/images/sandbox/";

    private static final int PAGE_SIZE_DEFAULT = 50;
    private static final int PAGE_SIZE_MAX = 1000;

    private final SandboxAuth auth;
    private final SandboxApi api;
    private final SandboxMessages messages;
    private final WebhookTargets webhookTargets;

    SandboxApiController(SandboxAuth auth, SandboxApi api, SandboxMessages messages, WebhookTargets webhookTargets) {
        this.auth = auth;
        this.api = api;
        this.messages = messages;
        this.webhookTargets = webhookTargets;
    }

    @GetMapping(ACCOUNT + ".json")
    Map<String, Object> fetchAccount(@PathVariable String accountSid, HttpServletRequest request) {
        return TwilioJson.account(auth.authenticate(request, accountSid));
    }

    @PostMapping(ACCOUNT + "/Messages.json")
    ResponseEntity<Map<String, Object>> createMessage(@PathVariable String accountSid,
            @RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        auth.authenticate(request, accountSid);
        SandboxMessage created = api.create(new SandboxApi.Create(form.getFirst("To"), form.getFirst("From"),
                form.getFirst("MessagingServiceSid"), form.getFirst("Body"), form.getFirst("StatusCallback"),
                form.containsKey("MediaUrl")));
        return ResponseEntity.status(HttpStatus.CREATED).body(TwilioJson.message(created));
    }

    @GetMapping(ACCOUNT + "/Messages/{messageSid}.json")
    Map<String, Object> fetchMessage(@PathVariable String accountSid, @PathVariable String messageSid,
            HttpServletRequest request) {
        auth.authenticate(request, accountSid);
        return TwilioJson.message(messages.find(accountSid, messageSid)
                .orElseThrow(() -> SandboxApiException.notFound(request.getRequestURI())));
    }

    @GetMapping(ACCOUNT + "/Messages.json")
    Map<String, Object> listMessages(@PathVariable String accountSid, @RequestParam MultiValueMap<String, String> query,
            HttpServletRequest request) {
        auth.authenticate(request, accountSid);
        int pageSize = Math.min(PAGE_SIZE_MAX, Math.max(1, number(query.getFirst("PageSize"), PAGE_SIZE_DEFAULT)));
        int page = Math.max(0, number(query.getFirst("Page"), 0));
        Instant sentOn = day(query.getFirst("DateSent"));
        Instant sentAfter = sentOn != null ? sentOn : day(query.getFirst("DateSent>"));
        Instant sentBefore = sentOn != null ? sentOn.plusSeconds(86_400) : day(query.getFirst("DateSent<"));
        List<SandboxMessage> found = messages.list(accountSid, query.getFirst("To"), query.getFirst("From"), sentAfter,
                sentBefore, pageSize + 1, page * pageSize);
        List<Map<String, Object>> items = found.stream().limit(pageSize).map(TwilioJson::message).toList();
        String uri = TwilioJson.accountUri(accountSid) + "/Messages.json?PageSize=" + pageSize + "&Page=" + page;
        String next = found.size() > pageSize
                ? TwilioJson.accountUri(accountSid) + "/Messages.json?PageSize=" + pageSize + "&Page=" + (page + 1)
                        + "&PageToken=PA" + (page + 1) : null;
        return TwilioJson.page("messages", items, uri, page, pageSize, next);
    }

    @GetMapping(ACCOUNT + "/Messages/{messageSid}/Media.json")
    Map<String, Object> listMedia(@PathVariable String accountSid, @PathVariable String messageSid,
            HttpServletRequest request) {
        auth.authenticate(request, accountSid);
        SandboxMessage message = messages.find(accountSid, messageSid)
                .orElseThrow(() -> SandboxApiException.notFound(request.getRequestURI()));
        List<Map<String, Object>> media = message.hasMedia() ? List.of(TwilioJson.media(message)) : List.of();
        return TwilioJson.page("media_list", media, TwilioJson.messageUri(accountSid, messageSid) + "/Media.json", 0,
                PAGE_SIZE_DEFAULT, null);
    }

    @GetMapping(ACCOUNT + "/Messages/{messageSid}/Media/{mediaSid}.json")
    Map<String, Object> fetchMedia(@PathVariable String accountSid, @PathVariable String messageSid,
            @PathVariable String mediaSid, HttpServletRequest request) {
        auth.authenticate(request, accountSid);
        return TwilioJson.media(messages.findByMedia(accountSid, messageSid, mediaSid)
                .orElseThrow(() -> SandboxApiException.notFound(request.getRequestURI())));
    }

    /** A picture's content, as Twilio's MediaUrl answers it (with the account's credentials). */
    @GetMapping(ACCOUNT + "/Messages/{messageSid}/Media/{mediaSid}")
    ResponseEntity<byte[]> mediaContent(@PathVariable String accountSid, @PathVariable String messageSid,
            @PathVariable String mediaSid, HttpServletRequest request) throws IOException {
        auth.authenticate(request, accountSid);
        SandboxMessage message = messages.findByMedia(accountSid, messageSid, mediaSid)
                .orElseThrow(() -> SandboxApiException.notFound(request.getRequestURI()));
        byte[] content;
        try (InputStream in = new ClassPathResource(MEDIA_DIRECTORY + message.mediaName()).getInputStream()) {
            content = in.readAllBytes();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(message.mediaContentType())).body(content);
    }

    @GetMapping("/v1/Services/{serviceSid}")
    Map<String, Object> fetchMessagingService(@PathVariable String serviceSid, HttpServletRequest request) {
        auth.authenticate(request, SandboxAccount.ACCOUNT_SID);
        if (!SandboxAccount.MESSAGING_SERVICE_SID.equals(serviceSid)) {
            throw SandboxApiException.notFound(request.getRequestURI());
        }
        return TwilioJson.messagingService(webhookTargets.statusCallbackUrl());
    }

    /** The sandbox service's Sender Pool: its one number. */
    @GetMapping("/v1/Services/{serviceSid}/PhoneNumbers")
    Map<String, Object> listMessagingServiceSenders(@PathVariable String serviceSid, HttpServletRequest request) {
        auth.authenticate(request, SandboxAccount.ACCOUNT_SID);
        if (!SandboxAccount.MESSAGING_SERVICE_SID.equals(serviceSid)) {
            throw SandboxApiException.notFound(request.getRequestURI());
        }
        return TwilioJson.senderPool();
    }

    @ExceptionHandler(SandboxApiException.class)
    ResponseEntity<Map<String, Object>> twilioError(SandboxApiException error) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON);
        if (error.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Twilio API\"");
        }
        return answer.body(TwilioJson.error(error.status(), error.code(), error.getMessage()));
    }

    private static int number(String value, int otherwise) {
        try {
            return value == null ? otherwise : Integer.parseInt(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new SandboxApiException(400, 20001, "Invalid number: " + value);
        }
    }

    /** DateSent as Twilio takes it: a day (2026-12-02) or a moment (2026-12-02T00:00:00Z, 2026-12-02T00:00:00). */
    private static Instant day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            // twilio-java 13 sends the moment without an offset; Twilio reads it as UTC
            return value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$") ? OffsetDateTime.parse(value).toInstant()
                    : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException unreadable) {
            throw new SandboxApiException(400, 20001, "Invalid DateSent: " + value);
        }
    }
}
