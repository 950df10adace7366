package org.textdesk;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Twilio's own API descriptions (src/test/resources/twilio/, copied from twilio/twilio-oai), with Atlassian's
 * OpenAPI request validator: every request {@link FakeTwilio} receives is checked against them (path, method,
 * Basic auth, parameter names and types), and the answers take the descriptions' examples. Each request's
 * verdict is appended to target/twilio-request-verdicts.txt.
 */
final class TwilioApiDescription {

    static final String API_V2010 = "twilio/twilio_api_v2010.json";
    static final String MESSAGING_V1 = "twilio/twilio_messaging_v1.json";
    private static final Path VERDICTS = Path.of("target", "twilio-request-verdicts.txt");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The validator reads a form body's values as JSON would, so "+14045387319" becomes a number; on the wire every
     * form value is a string, so "a number where a string is allowed" is never a real violation there.
     */
    private static final ValidationErrorsWhitelist FORM_VALUES = ValidationErrorsWhitelist.create().withRule(
            "form values are strings", WhitelistRules.allOf(
                    WhitelistRules.messageHasKey("validation.request.body.schema.type"),
                    WhitelistRules.messageContainsSubstring("allowed: [\"string\"]"),
                    WhitelistRules.anyOf(WhitelistRules.messageContainsSubstring("Instance type (integer)"),
                            WhitelistRules.messageContainsSubstring("Instance type (number)"),
                            WhitelistRules.messageContainsSubstring("Instance type (boolean)"))));

    private static TwilioApiDescription instance;

    private final OpenApiInteractionValidator api;
    private final OpenApiInteractionValidator messaging;
    private final JsonNode apiDocument;
    private final JsonNode messagingDocument;

    private TwilioApiDescription() {
        String apiText = resource(API_V2010);
        String messagingText = resource(MESSAGING_V1);
        api = OpenApiInteractionValidator.createForInlineApiSpecification(apiText).withWhitelist(FORM_VALUES).build();
        messaging = OpenApiInteractionValidator.createForInlineApiSpecification(messagingText)
                .withWhitelist(FORM_VALUES).build();
        apiDocument = JSON.readTree(apiText);
        messagingDocument = JSON.readTree(messagingText);
    }

    static synchronized TwilioApiDescription instance() {
        if (instance == null) {
            instance = new TwilioApiDescription();
        }
        return instance;
    }

    /** What is wrong with the request by Twilio's description: empty when nothing. */
    List<String> violations(FakeTwilio.RecordedRequest recorded) {
        if (isMediaContent(recorded)) {
            return List.of();
        }
        boolean messagingApi = recorded.path().startsWith("/v1/");
        SimpleRequest.Builder request = new SimpleRequest.Builder(recorded.method(), recorded.path());
        Map<String, List<String>> query = FakeTwilio.decodeForm(recorded.query() == null ? "" : recorded.query());
        query.forEach(request::withQueryParam);
        recorded.headers().forEach(request::withHeader);
        if (!recorded.body().isEmpty()) {
            request.withBody(recorded.body(), StandardCharsets.UTF_8);
        }
        ValidationReport report = (messagingApi ? messaging : api).validateRequest(request.build());
        List<String> violations = new ArrayList<>();
        report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .forEach(message -> violations.add(message.getKey() + ": " + message.getMessage()));
        // The validator reports a repeated query parameter that is not an array (twilio-java 13.0.1's doubled
        // PageSize); a repeated form parameter it would read as one.
        recorded.form().forEach((name, values) -> {
            if (values.size() > 1) {
                violations.add("form parameter " + name + " sent " + values.size() + " times");
            }
        });
        return violations;
    }

    /**
     * A picture's content: the MediaUrl{N} a webhook hands over (GET .../Media/{Sid} without ".json", sent with
     * the account's credentials) and Twilio's media host it redirects to. Neither is part of the JSON API the
     * description covers, so there is nothing to check them against; the media resource itself (.json, DELETE)
     * is checked as any request.
     */
    static boolean isMediaContent(FakeTwilio.RecordedRequest recorded) {
        return recorded.method().equals("GET") && (MEDIA_CONTENT.matcher(recorded.path()).matches()
                || MEDIA_HOST.matcher(recorded.path()).matches());
    }

    private static final java.util.regex.Pattern MEDIA_CONTENT = java.util.regex.Pattern.compile(
            "/2010-04-01/Accounts/AC[0-9a-f]{32}/Messages/(SM|MM)[0-9a-f]{32}/Media/ME[0-9a-f]{32}");
    private static final java.util.regex.Pattern MEDIA_HOST = java.util.regex.Pattern.compile(
            "/media-host/ME[0-9a-f]{32}");

    /** {@link #violations}, with the verdict written to target/twilio-request-verdicts.txt. */
    List<String> check(FakeTwilio.RecordedRequest recorded) {
        List<String> violations = violations(recorded);
        writeVerdict(recorded, recorded.path().startsWith("/v1/"), violations);
        return violations;
    }

    /** The description's example answer of an operation, as a JSON tree to adapt. */
    JsonNode example(boolean messagingApi, String path, String method, String status) {
        JsonNode content = (messagingApi ? messagingDocument : apiDocument).path("paths").path(path).path(method)
                .path("responses").path(status).path("content").path("application/json");
        JsonNode examples = content.path("examples");
        if (examples.isObject() && !examples.isEmpty()) {
            return examples.iterator().next().path("value");
        }
        throw new IllegalStateException("no example for " + method + " " + path + " " + status);
    }

    private static synchronized void writeVerdict(FakeTwilio.RecordedRequest recorded, boolean messagingApi,
            List<String> violations) {
        Set<String> names = new TreeSet<>(FakeTwilio.decodeForm(recorded.query() == null ? "" : recorded.query())
                .keySet());
        String line = (messagingApi ? "messaging.twilio.com " : "api.twilio.com ") + recorded.method() + " "
                + recorded.path().replaceAll("(AC|SM|MM|MG|ME)[0-9a-fA-F]{32}", "$1…")
                + (names.isEmpty() ? "" : " ?" + String.join("&", names))
                + (recorded.form().isEmpty() ? "" : " form " + new TreeSet<>(recorded.form().keySet()))
                + " -> " + (isMediaContent(recorded) ? "picture content, not in the description"
                        : violations.isEmpty() ? "valid" : "INVALID " + violations.stream()
                        .collect(Collectors.joining("; ")));
        try {
            Files.createDirectories(VERDICTS.getParent());
            Files.writeString(VERDICTS, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TwilioApiDescription.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
