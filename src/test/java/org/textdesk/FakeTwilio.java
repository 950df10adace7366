package org.textdesk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.textdesk.logcheck.LogLeaks;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Twilio-compatible REST API on localhost for tests: one per JVM, on a random port, reset before
 * each test by {@link IntegrationTest}. The application's {@code textdesk.twilio.api-base-url} points
 * here, so the real twilio-java SDK talks to it.
 *
 * <p>It records every request ({@link #requests()}: method, path, headers including Authorization,
 * decoded form parameters) and answers by rules: the newest rule whose method and path template match
 * answers. Without a rule of the test's own:
 * <ul>
 * <li>{@code GET /2010-04-01/Accounts/{Sid}.json} answers 200 with the account when Basic auth carries
 * credentials given to {@link #acceptCredentials}, else 401 with Twilio's error 20003;</li>
 * <li>anything else answers 404 with Twilio's error 20404.</li>
 * </ul>
 * Add rules per method and path, for example the Messages resource:
 * <pre>{@code
 * fakeTwilio.on("POST", "/2010-04-01/Accounts/{AccountSid}/Messages.json",
 *         call -> fakeTwilio.authorized(call) ? Answer.json(201, "{...}") : FakeTwilio.authenticateError());
 * fakeTwilio.answer("GET", "/2010-04-01/Accounts/{Sid}.json", Answer.json(200, "{...}").delayedBy(Duration.ofSeconds(3)));
 * fakeTwilio.answer("GET", "/2010-04-01/Accounts/{Sid}.json", Answer.dropConnection());
 * }</pre>
 */
public final class FakeTwilio {

    /** Twilio's REST API version prefix of every path. */
    public static final String API = "/2010-04-01";
    public static final String ACCOUNT_PATH = API + "/Accounts/{Sid}.json";
    public static final String MESSAGES_PATH = API + "/Accounts/{AccountSid}/Messages.json";

    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static FakeTwilio instance;

    private final HttpServer server;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Credentials> accepted = new ConcurrentHashMap<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    /** What a call to the fake answers. */
    public static final class Answer {

        private final int status;
        private final String body;
        private final Duration delay;
        private final boolean drop;
        private final byte[] bytes;
        private final String contentType;
        private final Map<String, String> headers;

        private Answer(int status, String body, Duration delay, boolean drop) {
            this(status, body, delay, drop, null, "application/json; charset=utf-8", Map.of());
        }

        private Answer(int status, String body, Duration delay, boolean drop, byte[] bytes, String contentType,
                Map<String, String> headers) {
            this.status = status;
            this.body = body;
            this.delay = delay;
            this.drop = drop;
            this.bytes = bytes;
            this.contentType = contentType;
            this.headers = headers;
        }

        /** A file (a picture Twilio's media host serves), with its Content-Type. */
        public static Answer file(String contentType, byte[] bytes) {
            return new Answer(200, "", Duration.ZERO, false, bytes, contentType, Map.of());
        }

        /** A redirect, as Twilio's media URLs answer with their media host's address. */
        public static Answer redirect(int status, String location) {
            return new Answer(status, "", Duration.ZERO, false, new byte[0], "text/plain", Map.of("Location", location));
        }

        /** A JSON answer with this HTTP status. */
        public static Answer json(int status, String body) {
            return new Answer(status, body, Duration.ZERO, false);
        }

        /** Twilio's error shape: {"code": 20003, "message": "...", "more_info": "...", "status": 401}. */
        public static Answer twilioError(int status, int code, String message) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", code);
            error.put("message", message);
            error.put("more_info", "https://www.twilio.com/docs/errors/" + code);
            error.put("status", status);
            return json(status, FakeTwilio.toJson(error));
        }

        /** Closes the connection without any answer. */
        public static Answer dropConnection() {
            return new Answer(0, "", Duration.ZERO, true);
        }

        /** The same answer, sent only after this delay (to hit the client's read timeout). */
        public Answer delayedBy(Duration delay) {
            return new Answer(status, body, delay, drop, bytes, contentType, headers);
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }

    /** Answers one recorded call; {@link Call#pathVariables()} holds the template's {Name} parts. */
    @FunctionalInterface
    public interface Responder {
        Answer answer(Call call);
    }

    /** A recorded request with the values its rule's path template matched. */
    public record Call(RecordedRequest request, Map<String, String> pathVariables) {

        public String pathVariable(String name) {
            return pathVariables.get(name);
        }
    }

    /**
     * One request as the fake received it. Header names are lower case; form parameters are decoded
     * (each name keeps every value, in order).
     */
    public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers,
            Map<String, List<String>> form, String body, Instant receivedAt) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String param(String name) {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String authorization() {
            return header("Authorization");
        }

        /** The Basic auth user (the Account SID for Twilio), or null. */
        public String basicUsername() {
            String[] credentials = basicCredentials();
            return credentials == null ? null : credentials[0];
        }

        /** The Basic auth password (the Auth Token for Twilio), or null. */
        public String basicPassword() {
            String[] credentials = basicCredentials();
            return credentials == null ? null : credentials[1];
        }

        private String[] basicCredentials() {
            String authorization = authorization();
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        }
    }

    private record Credentials(String authToken, String friendlyName) {
    }

    private record Rule(String method, Pattern path, List<String> variables, Responder responder) {
    }

    private FakeTwilio() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake Twilio API", e);
        }
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-twilio");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    /** The fake, started on first use. */
    public static synchronized FakeTwilio instance() {
        if (instance == null) {
            // Parsing Twilio's descriptions takes seconds: before any request, not within one's read timeout.
            TwilioApiDescription.instance();
            instance = new FakeTwilio();
        }
        return instance;
    }

    /** {@code http://localhost:<port>}: the host name, not an IP (the SDK rewrites dotted hosts). */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Forgets every rule, accepted credential, recorded request and violation. */
    public void reset() {
        rules.clear();
        accepted.clear();
        requests.clear();
        violations.clear();
    }

    /**
     * What was wrong with the requests since the last reset, by Twilio's API description
     * ({@link TwilioApiDescription}): each as "METHOD path: problem". {@link IntegrationTest} fails a test that
     * leaves any.
     */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** The account endpoint (and {@link #authorized}) accepts these credentials. */
    public void acceptCredentials(String accountSid, String authToken) {
        acceptCredentials(accountSid, authToken, "TextDesk test account");
    }

    public void acceptCredentials(String accountSid, String authToken, String friendlyName) {
        accepted.put(accountSid, new Credentials(authToken, friendlyName));
    }

    /** Answers matching calls with {@code responder}; the newest matching rule wins. */
    public void on(String method, String pathTemplate, Responder responder) {
        List<String> variables = new ArrayList<>();
        Matcher names = Pattern.compile("\\{(\\w+)}").matcher(pathTemplate);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (names.find()) {
            regex.append(Pattern.quote(pathTemplate.substring(last, names.start()))).append("([^/]+?)");
            variables.add(names.group(1));
            last = names.end();
        }
        regex.append(Pattern.quote(pathTemplate.substring(last)));
        rules.add(0, new Rule(method.toUpperCase(Locale.ROOT), Pattern.compile(regex.toString()), variables, responder));
    }

    /** Answers every matching call with the same answer. */
    public void answer(String method, String pathTemplate, Answer answer) {
        on(method, pathTemplate, call -> answer);
    }

    /** Every request received since the last reset, oldest first. */
    public List<RecordedRequest> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    /** The requests with this method whose path matches the template. */
    public List<RecordedRequest> requests(String method, String pathTemplate) {
        Pattern path = Pattern.compile(Pattern.quote(pathTemplate).replaceAll("\\{\\w+}", "\\\\E[^/]+?\\\\Q"));
        return requests().stream()
                .filter(request -> request.method().equalsIgnoreCase(method) && path.matcher(request.path()).matches())
                .toList();
    }

    /** Whether the call's Basic auth carries accepted credentials for the account in its path (if any). */
    public boolean authorized(Call call) {
        String user = call.request().basicUsername();
        Credentials credentials = user == null ? null : accepted.get(user);
        if (credentials == null || !credentials.authToken().equals(call.request().basicPassword())) {
            return false;
        }
        String pathAccount = call.pathVariables().getOrDefault("AccountSid", call.pathVariables().get("Sid"));
        return pathAccount == null || pathAccount.equals(user);
    }

    /** Twilio's answer to missing or wrong credentials: 401 with error 20003. */
    public static Answer authenticateError() {
        return Answer.twilioError(401, 20003, "Authenticate");
    }

    /**
     * An account resource as Twilio shapes it: the example answer to fetching an account in Twilio's description
     * (twilio_api_v2010.json), with this SID, Auth Token and name.
     */
    public static String accountJson(String accountSid, String authToken, String friendlyName) {
        String uri = API + "/Accounts/" + accountSid;
        @SuppressWarnings("unchecked")
        Map<String, Object> account = new LinkedHashMap<>(JSON.treeToValue(TwilioApiDescription.instance().example(
                false, API + "/Accounts/{Sid}.json", "get", "200"), Map.class));
        account.put("auth_token", authToken);
        account.put("date_created", RFC_2822.format(Instant.parse("2015-07-30T20:00:00Z")));
        account.put("date_updated", RFC_2822.format(Instant.parse("2015-07-30T20:00:00Z")));
        account.put("friendly_name", friendlyName);
        account.put("owner_account_sid", accountSid);
        account.put("sid", accountSid);
        account.put("status", "active");
        account.put("subresource_uris", Map.of("messages", uri + "/Messages.json", "calls", uri + "/Calls.json"));
        account.put("type", "Full");
        account.put("uri", uri + ".json");
        return toJson(account);
    }

    /**
     * Message creation answers as Twilio does for accepted credentials: 201 with a new message resource
     * (status {@code initialStatus}) echoing To, From and Body; wrong credentials get 401/20003.
     */
    public void acceptMessages(String initialStatus) {
        on("POST", MESSAGES_PATH, call -> authorized(call)
                ? Answer.json(201, messageJson(newMessageSid(), call.pathVariable("AccountSid"),
                        call.request().param("To"), call.request().param("From"), call.request().param("Body"),
                        initialStatus, call.request().param("MessagingServiceSid")))
                : authenticateError());
    }

    /**
     * Message creation as {@link #acceptMessages}, but before answering, the fake posts a status callback for the
     * new SID to the request's StatusCallback, signed as Twilio signs it (over that URL), and waits for the app's
     * answer, whose HTTP status goes into {@code callbackAnswers}: Twilio's callback can arrive before its
     * answer to the create call. Then it answers with {@code then} (null: 201 with the message).
     */
    public void acceptMessagesCallingBackFirst(String initialStatus, String callbackStatus, String errorCode,
            List<Integer> callbackAnswers, Answer then) {
        on("POST", MESSAGES_PATH, call -> {
            if (!authorized(call)) {
                return authenticateError();
            }
            String sid = newMessageSid();
            // as Twilio posts it: ErrorCode when failed, MessagingServiceSid when sent through a service
            Map<String, String> params = TwilioWebhookRequests.statusCallback(sid, callbackStatus, errorCode, null,
                    call.request().param("MessagingServiceSid"));
            params.put("To", call.request().param("To"));
            String callback = call.request().param("StatusCallback");
            callbackAnswers.add(TwilioWebhookRequests.postHttp(callback, "", params, callback, Map.of()).statusCode());
            return then != null ? then : Answer.json(201, messageJson(sid, call.pathVariable("AccountSid"),
                    call.request().param("To"), call.request().param("From"), call.request().param("Body"),
                    initialStatus, call.request().param("MessagingServiceSid")));
        });
    }

    /**
     * Message creation as {@link #acceptMessages}, but at most {@code perSecond} accepted in any one second (a
     * sliding window over the accepted ones: no second, wherever it starts, holds more): above it Twilio's answer
     * to too many requests, 429 with error 20429 "Too Many Requests", and nothing is created. Requests are checked
     * against Twilio's description as every other one.
     */
    public RateLimit acceptMessagesAtMost(int perSecond, String initialStatus) {
        RateLimit limit = new RateLimit(perSecond);
        on("POST", MESSAGES_PATH, call -> {
            if (!authorized(call)) {
                return authenticateError();
            }
            if (!limit.admitNow(call.request())) {
                return Answer.twilioError(429, 20429, "Too Many Requests");
            }
            return Answer.json(201, messageJson(newMessageSid(), call.pathVariable("AccountSid"),
                    call.request().param("To"), call.request().param("From"), call.request().param("Body"),
                    initialStatus, call.request().param("MessagingServiceSid")));
        });
        return limit;
    }

    /** A limit of accepted requests per second, and what it accepted (arrival times) and refused. */
    public static final class RateLimit {

        private static final long SECOND = 1_000_000_000L;

        private final int perSecond;
        private final ArrayDeque<Long> lastSecond = new ArrayDeque<>();
        private final List<RecordedRequest> accepted = new ArrayList<>();
        private int refused;

        public RateLimit(int perSecond) {
            this.perSecond = perSecond;
        }

        /** Accepts the request when fewer than the limit were accepted in the second before it arrived. */
        public synchronized boolean admit(RecordedRequest request) {
            long nanos = request.receivedAt().getEpochSecond() * SECOND + request.receivedAt().getNano();
            while (!lastSecond.isEmpty() && nanos - lastSecond.peekFirst() >= SECOND) {
                lastSecond.pollFirst();
            }
            if (lastSecond.size() >= perSecond) {
                refused++;
                return false;
            }
            lastSecond.addLast(nanos);
            accepted.add(request);
            return true;
        }

        /**
         * Admits the request by the moment it is admitted, taken under the lock: the moment the fake's handler
         * thread stamped it on arrival can be out of order with the admissions on a loaded machine, and a window
         * kept by one order and reported by the other showed 101 in a second.
         */
        public synchronized boolean admitNow(RecordedRequest request) {
            return admit(new RecordedRequest(request.method(), request.path(), request.query(), request.headers(),
                    request.form(), request.body(), Instant.now()));
        }

        /** The accepted requests, in the order they were accepted. */
        public synchronized List<RecordedRequest> accepted() {
            return List.copyOf(accepted);
        }

        /** How many were answered 429. */
        public synchronized int refused() {
            return refused;
        }
    }

    /** A Message SID as Twilio makes them: SM and 32 hexadecimal characters. */
    public static String newMessageSid() {
        return "SM" + java.util.UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * A message resource as Twilio shapes it: the example answer to creating a message in Twilio's description
     * (twilio_api_v2010.json), with this SID, account, numbers, body and status, and the dates of now.
     */
    public static String messageJson(String sid, String accountSid, String to, String from, String body,
            String status) {
        return messageJson(sid, accountSid, to, from, body, status, null);
    }

    /** The same, sent through this Messaging Service (null: none). */
    public static String messageJson(String sid, String accountSid, String to, String from, String body,
            String status, String messagingServiceSid) {
        @SuppressWarnings("unchecked")
        Map<String, Object> message = new LinkedHashMap<>(JSON.treeToValue(TwilioApiDescription.instance().example(
                false, API + "/Accounts/{AccountSid}/Messages.json", "post", "201"), Map.class));
        message.put("account_sid", accountSid);
        message.put("body", body);
        message.put("date_created", RFC_2822.format(Instant.now()));
        message.put("date_sent", null);
        message.put("date_updated", RFC_2822.format(Instant.now()));
        message.put("error_code", null);
        message.put("error_message", null);
        message.put("from", from);
        message.put("messaging_service_sid", messagingServiceSid);
        message.put("sid", sid);
        message.put("status", status);
        message.put("subresource_uris", Map.of("media", API + "/Accounts/" + accountSid + "/Messages/" + sid
                + "/Media.json"));
        message.put("to", to);
        message.put("uri", API + "/Accounts/" + accountSid + "/Messages/" + sid + ".json");
        return toJson(message);
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    private Answer defaultAnswer(Call call) {
        RecordedRequest request = call.request();
        Matcher account = Pattern.compile(Pattern.quote(API + "/Accounts/") + "([^/]+)\\.json").matcher(request.path());
        if (request.method().equals("GET") && account.matches()) {
            Call accountCall = new Call(request, Map.of("Sid", account.group(1)));
            if (!authorized(accountCall)) {
                return authenticateError();
            }
            Credentials credentials = accepted.get(request.basicUsername());
            return Answer.json(200, accountJson(account.group(1), credentials.authToken(), credentials.friendlyName()));
        }
        return Answer.twilioError(404, 20404, "The requested resource " + request.path() + " was not found");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = record(exchange);
            requests.add(request);
            TwilioApiDescription.instance().check(request).forEach(violation -> violations.add(
                    request.method() + " " + request.path() + ": " + violation));
            // What the application sent Twilio must never turn up in its log.
            LogLeaks.secret("an Auth Token the application sent to Twilio", request.basicPassword());
            LogLeaks.secret("a message body the application sent to Twilio", request.param("Body"));
            Answer answer = answerFor(request);
            if (!answer.delay.isZero()) {
                Thread.sleep(answer.delay.toMillis());
            }
            if (answer.drop) {
                return; // closing the exchange before any header closes the connection
            }
            byte[] body = answer.bytes != null ? answer.bytes : answer.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType);
            answer.headers.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGaveUp) {
            // the client timed out or closed the connection: nothing to answer
        }
    }

    private Answer answerFor(RecordedRequest request) {
        for (Rule rule : rules) {
            Matcher matcher = rule.path().matcher(request.path());
            if (rule.method().equals(request.method()) && matcher.matches()) {
                Map<String, String> variables = new LinkedHashMap<>();
                for (int i = 0; i < rule.variables().size(); i++) {
                    variables.put(rule.variables().get(i), matcher.group(i + 1));
                }
                return rule.responder().answer(new Call(request, variables));
            }
        }
        return defaultAnswer(new Call(request, Map.of()));
    }

    private static RecordedRequest record(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = headers.getOrDefault("content-type", List.of("")).get(0);
        Map<String, List<String>> form = contentType.startsWith("application/x-www-form-urlencoded")
                ? decodeForm(body) : Map.of();
        return new RecordedRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                Collections.unmodifiableMap(headers), form, body, Instant.now());
    }

    static Map<String, List<String>> decodeForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        form.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(form);
    }

    // ------------------------------------------------------------ messages Twilio knows (fetch and list)

    /** One message resource: {@code GET} answers it (see {@link #serveMessages()}). */
    public static final String MESSAGE_PATH = API + "/Accounts/{AccountSid}/Messages/{Sid}.json";

    /**
     * The messages the fake's account holds, for {@code GET .../Messages/{Sid}.json} and the list
     * {@code GET .../Messages.json}; see {@link #serveMessages()}.
     */
    public static final class MessageStore {

        private final Map<String, Map<String, Object>> messages = Collections.synchronizedMap(new LinkedHashMap<>());

        /** Adds (or replaces) a message as Twilio would list it. */
        public MessageStore put(String sid, String accountSid, String to, String from, String body, String status,
                Integer errorCode, Instant dateCreated, Instant dateSent) {
            Map<String, Object> message = new LinkedHashMap<>(JSON.readValue(
                    messageJson(sid, accountSid, to, from, body, status), Map.class));
            message.put("date_created", RFC_2822.format(dateCreated));
            message.put("date_updated", RFC_2822.format(dateSent == null ? dateCreated : dateSent));
            message.put("date_sent", dateSent == null ? null : RFC_2822.format(dateSent));
            message.put("error_code", errorCode);
            messages.put(sid, message);
            return this;
        }

        /** Twilio's status (and error code) of a message changes. */
        public MessageStore update(String sid, String status, Integer errorCode) {
            Map<String, Object> message = messages.get(sid);
            message.put("status", status);
            message.put("error_code", errorCode);
            return this;
        }

        Map<String, Object> get(String sid) {
            return messages.get(sid);
        }

        List<Map<String, Object>> all() {
            synchronized (messages) {
                return new ArrayList<>(messages.values());
            }
        }
    }

    /**
     * Answers fetching one message and listing messages from a new, empty {@link MessageStore}, as Twilio
     * does for accepted credentials: an unknown SID answers 404/20404; the list honours To, From and
     * DateSent, DateSent&lt; and DateSent&gt; (by day or date-time), newest first, in one page.
     */
    public MessageStore serveMessages() {
        MessageStore store = new MessageStore();
        on("GET", MESSAGE_PATH, call -> {
            if (!authorized(call)) {
                return authenticateError();
            }
            Map<String, Object> message = store.get(call.pathVariable("Sid"));
            return message == null
                    ? Answer.twilioError(404, 20404, "The requested resource " + call.request().path() + " was not found")
                    : Answer.json(200, toJson(message));
        });
        on("GET", MESSAGES_PATH, call -> {
            if (!authorized(call)) {
                return authenticateError();
            }
            Map<String, List<String>> query = decodeForm(call.request().query() == null ? "" : call.request().query());
            List<Map<String, Object>> listed = store.all().stream()
                    .filter(message -> matches(query, "To", message.get("to")))
                    .filter(message -> matches(query, "From", message.get("from")))
                    .filter(message -> sentWithin(query, (String) message.get("date_sent")))
                    .sorted((a, b) -> sentOrCreated(b).compareTo(sentOrCreated(a)))
                    .toList();
            Map<String, Object> page = new LinkedHashMap<>();
            String uri = call.request().path() + (call.request().query() == null ? "" : "?" + call.request().query());
            page.put("end", Math.max(0, listed.size() - 1));
            page.put("first_page_uri", uri);
            page.put("messages", listed);
            page.put("next_page_uri", null);
            page.put("page", 0);
            page.put("page_size", listed.size());
            page.put("previous_page_uri", null);
            page.put("start", 0);
            page.put("uri", uri);
            return Answer.json(200, toJson(page));
        });
        return store;
    }

    private static boolean matches(Map<String, List<String>> query, String name, Object value) {
        List<String> wanted = query.get(name);
        return wanted == null || wanted.contains(String.valueOf(value));
    }

    private static boolean sentWithin(Map<String, List<String>> query, String dateSent) {
        boolean filtered = query.containsKey("DateSent") || query.containsKey("DateSent>")
                || query.containsKey("DateSent<");
        if (!filtered) {
            return true;
        }
        if (dateSent == null) {
            return false; // Twilio's DateSent filters leave out messages not sent yet
        }
        Instant sent = Instant.from(RFC_2822.parse(dateSent));
        String on = first(query, "DateSent");
        String after = first(query, "DateSent>");
        String before = first(query, "DateSent<");
        if (on != null) {
            Instant day = startOf(on);
            return !sent.isBefore(day) && sent.isBefore(day.plus(Duration.ofDays(1)));
        }
        return (after == null || !sent.isBefore(startOf(after))) && (before == null || sent.isBefore(startOf(before)));
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A date (2026-08-17) as the start of its day in UTC, or a date-time (2026-08-17T14:30:00[Z]) as it is. */
    private static Instant startOf(String value) {
        if (value.length() <= 10) {
            return java.time.LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        String dateTime = value.endsWith("Z") ? value.substring(0, value.length() - 1) : value;
        return java.time.LocalDateTime.parse(dateTime).toInstant(ZoneOffset.UTC);
    }

    private static Instant sentOrCreated(Map<String, Object> message) {
        Object date = message.get("date_sent") != null ? message.get("date_sent") : message.get("date_created");
        return Instant.from(RFC_2822.parse((String) date));
    }

    /**
     * Answers deleting a message ({@code DELETE .../Messages/{Sid}.json}, the SDK's Message deleter) as Twilio does
     * for a message in a final status: 204 with no body for accepted credentials, 401/20003 otherwise. A test that
     * wants another answer for one SID registers it after calling this (the newest matching rule answers).
     */
    public void acceptMessageDeletes() {
        on("DELETE", MESSAGE_PATH, call -> authorized(call) ? new Answer(204, "", Duration.ZERO, false)
                : authenticateError());
    }

    // ------------------------------------------------------------ media of incoming texts (MMS)

    /** A file of an incoming text: GET answers it, DELETE .json deletes it. */
    public static final String MEDIA_PATH = API + "/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{Sid}";
    public static final String MEDIA_RESOURCE_PATH = MEDIA_PATH + ".json";
    /** Where the media URLs redirect: the same server under another host name (127.0.0.1), like Twilio's media host. */
    public static final String MEDIA_HOST_PATH = "/media-host/{Sid}";

    /**
     * Serves one file of an incoming text as Twilio does: its MediaUrl (as Twilio posts it, at
     * https://api.twilio.com) answers, for accepted credentials, a redirect to a media host (this server as
     * 127.0.0.1), which serves the bytes; when {@code notFoundAtFirst}, the first request answers 404 (Twilio
     * has not finished storing it). DELETE of its .json resource answers 204.
     *
     * @return the MediaUrl{N} Twilio would post
     */
    public String serveMedia(String accountSid, String messageSid, String contentType, byte[] bytes,
            boolean notFoundAtFirst) {
        String mediaSid = "ME" + java.util.UUID.randomUUID().toString().replace("-", "");
        String path = API + "/Accounts/" + accountSid + "/Messages/" + messageSid + "/Media/" + mediaSid;
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(notFoundAtFirst);
        on("GET", path, call -> {
            if (!authorized(new Call(call.request(), Map.of("AccountSid", accountSid)))) {
                return authenticateError();
            }
            if (first.getAndSet(false)) {
                return Answer.twilioError(404, 20404, "The requested resource " + path + " was not found");
            }
            return Answer.redirect(307, "http://127.0.0.1:" + port() + "/media-host/" + mediaSid);
        });
        answer("GET", "/media-host/" + mediaSid, Answer.file(contentType, bytes));
        on("DELETE", path + ".json", call -> authorized(new Call(call.request(), Map.of("AccountSid", accountSid)))
                ? new Answer(204, "", Duration.ZERO, false) : authenticateError());
        return "https://api.twilio.com" + path;
    }

    /** The path of a MediaUrl (what the fake received it as). */
    public static String pathOf(String mediaUrl) {
        return java.net.URI.create(mediaUrl).getPath();
    }

    // ------------------------------------------------------------ Messaging Services (Messaging API v1)

    /**
     * A Messaging Service as Twilio's Messaging API v1 serves it at https://messaging.twilio.com (the SDK's requests
     * reach this same server): twilio-java sends the fetch here through the gateway's base-URL rewriting.
     */
    public static final String MESSAGING_SERVICE_PATH = "/v1/Services/{ServiceSid}";

    /**
     * Serves fetching one Messaging Service of {@code accountSid} as Twilio does: for that account's accepted
     * credentials 200 with the service (the example answer of twilio_messaging_v1.json with this SID, account and
     * name); wrong credentials 401/20003; another account's credentials, like an unknown SID, 404/20404.
     */
    public void serveMessagingService(String serviceSid, String accountSid, String friendlyName,
            String... senderNumbers) {
        serveSenderPool(serviceSid, accountSid, senderNumbers);
        on("GET", "/v1/Services/" + serviceSid, call -> {
            String user = call.request().basicUsername();
            if (!authorized(new Call(call.request(), user == null ? Map.of() : Map.of("AccountSid", user)))) {
                return authenticateError();
            }
            if (!accountSid.equals(user)) {
                return Answer.twilioError(404, 20404, "The requested resource /Services/" + serviceSid + " was not found");
            }
            return Answer.json(200, messagingServiceJson(serviceSid, accountSid, friendlyName));
        });
    }

    /**
     * The service's Sender Pool as Twilio's Messaging API lists it (GET /v1/Services/{ServiceSid}/PhoneNumbers, one
     * page): the description's example entry once per number, with this service, account and number; the same
     * credentials rule as the service itself.
     */
    private void serveSenderPool(String serviceSid, String accountSid, String... senderNumbers) {
        on("GET", "/v1/Services/" + serviceSid + "/PhoneNumbers", call -> {
            String user = call.request().basicUsername();
            if (!authorized(new Call(call.request(), user == null ? Map.of() : Map.of("AccountSid", user)))) {
                return authenticateError();
            }
            if (!accountSid.equals(user)) {
                return Answer.twilioError(404, 20404, "The requested resource /Services/" + serviceSid
                        + "/PhoneNumbers was not found");
            }
            String example = toJson(TwilioApiDescription.instance().example(true, "/v1/Services/{ServiceSid}/PhoneNumbers",
                    "get", "200")).replace("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", serviceSid);
            @SuppressWarnings("unchecked")
            Map<String, Object> page = new LinkedHashMap<>(JSON.readValue(example, Map.class));
            @SuppressWarnings("unchecked")
            Map<String, Object> template = ((List<Map<String, Object>>) page.get("phone_numbers")).get(0);
            List<Map<String, Object>> numbers = new ArrayList<>();
            for (int i = 0; i < senderNumbers.length; i++) {
                Map<String, Object> number = new LinkedHashMap<>(template);
                number.put("account_sid", accountSid);
                number.put("sid", String.format("PN%032x", i + 1));
                number.put("phone_number", senderNumbers[i]);
                numbers.add(number);
            }
            page.put("phone_numbers", numbers);
            return Answer.json(200, toJson(page));
        });
    }

    /**
     * A Messaging Service resource as Twilio shapes it: the description's example (its links and url made for this
     * SID) with this SID, account and name.
     */
    public static String messagingServiceJson(String serviceSid, String accountSid, String friendlyName) {
        String example = toJson(TwilioApiDescription.instance().example(true, "/v1/Services/{Sid}", "get", "200"));
        @SuppressWarnings("unchecked")
        Map<String, Object> service = new LinkedHashMap<>(JSON.readValue(
                example.replace("MGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", serviceSid), Map.class));
        service.put("account_sid", accountSid);
        service.put("sid", serviceSid);
        service.put("friendly_name", friendlyName);
        return toJson(service);
    }
}
