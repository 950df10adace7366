package org.textdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.security.RequestValidator;
import com.twilio.type.PhoneNumber;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.SecondInstance;

/**
 * Two instances of TextDesk on one database share the sandbox's status callbacks through the clustered
 * scheduler: every callback is posted once, by one of them, and every one is signed as Twilio signs.
 */
class SandboxTwoInstancesTest extends SandboxTest {

    static final int TEXTS = 20;

    @Autowired
    DataSource dataSource;

    @Test
    void everyCallbackIsPostedOnceWithTwoInstancesPolling() throws Exception {
        SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl());
        Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
        List<String> badSignatures = new CopyOnWriteArrayList<>();
        HttpServer recorder = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        String callbackUrl = "http://localhost:" + recorder.getAddress().getPort() + "/callbacks";
        RequestValidator validator = new RequestValidator(setup.authToken());
        recorder.createContext("/callbacks", exchange -> {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (!validator.validate(callbackUrl, form, exchange.getRequestHeaders().getFirst("X-Twilio-Signature"))) {
                badSignatures.add(form.get("MessageSid"));
            }
            posts.computeIfAbsent(form.get("MessageSid") + " " + form.get("MessageStatus"), key -> new AtomicInteger())
                    .incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        recorder.start();
        try {
            List<String> sids = new ArrayList<>();
            for (int i = 0; i < TEXTS; i++) {
                sids.add(Message.creator(new PhoneNumber("+1404555" + (1000 + i)), new PhoneNumber(setup.twilioNumber()),
                        "Text " + i).setStatusCallback(URI.create(callbackUrl)).create(sdk()).getSid());
            }
            await("every callback posted", Duration.ofSeconds(30), () -> posts.size() == TEXTS * 4);
            Thread.sleep(3000);
            List<String> expected = new ArrayList<>();
            for (String sid : sids) {
                for (String status : List.of("queued", "sending", "sent", "delivered")) {
                    expected.add(sid + " " + status + " x1");
                }
            }
            List<String> posted = posts.entrySet().stream().map(post -> post.getKey() + " x" + post.getValue().get())
                    .toList();
            assertThat(posted).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(badSignatures).isEmpty();
            // every callback's task done and gone (the recurring jobs' rows stay)
            assertThat(jdbc.queryForObject(
                    "select count(*) from scheduled_tasks where task_name = 'sandbox-status-callback'", Integer.class))
                    .isZero();
        } finally {
            recorder.stop(0);
        }
    }

    /**
     * An instance killed (kill -9) while posting a callback leaves its task picked, and its heartbeats stop: the
     * instance still running takes it up again and posts it. The dead instance is played by a row picked by a
     * scheduler whose last heartbeat was ten minutes ago.
     */
    @Test
    void aCallbackPickedByAKilledInstanceIsPostedByAnother() throws Exception {
        Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
        HttpServer recorder = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        String callbackUrl = "http://localhost:" + recorder.getAddress().getPort() + "/callbacks";
        recorder.createContext("/callbacks", exchange -> {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            posts.computeIfAbsent(form.get("MessageStatus"), key -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        recorder.start();
        try {
            String created = Message.creator(new PhoneNumber("+14045387319"), new PhoneNumber(setup.twilioNumber()),
                    "Picked by an instance that died").setStatusCallback(URI.create(callbackUrl)).create(sdk()).getSid();
            int taken = jdbc.update("""
                    update scheduled_tasks set picked = true, picked_by = 'killed-instance',
                           last_heartbeat = current_timestamp - interval '10 minutes',
                           execution_time = current_timestamp - interval '1 minute'
                    where task_name = 'sandbox-status-callback' and task_instance = ? and picked = false""",
                    created + "/3");
            assertThat(taken).as("the delivered callback's task, before any instance ran it").isEqualTo(1);
            await("the killed instance's callback posted by another", Duration.ofSeconds(60),
                    () -> posts.containsKey("delivered"));
            assertThat(posts.get("delivered").get()).isEqualTo(1);
            assertThat(jdbc.queryForObject("select status from sandbox_messages where sid = ?", String.class, created))
                    .isEqualTo("delivered");
        } finally {
            recorder.stop(0);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8));
        }
        return form;
    }
}
