package org.textdesk.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One open {@code GET /events} over real HTTP, as a browser's EventSource holds it; its data lines, in order. */
final class EventStream implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
    private final StringBuilder everything = new StringBuilder();
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "test-event-stream");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream with this session cookie (null: anonymous); returns once the response has begun. */
    static EventStream open(String baseUrl, String sessionCookie) {
        return open(baseUrl, sessionCookie, "/events");
    }

    /** The stream of a conversation's page: {@code GET /events?client=<id>}, as live.js opens it there. */
    static EventStream conversation(String baseUrl, String sessionCookie, long clientId) {
        return open(baseUrl, sessionCookie, "/events?client=" + clientId);
    }

    private static EventStream open(String baseUrl, String sessionCookie, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "text/event-stream").GET();
        if (sessionCookie != null) {
            request.header("Cookie", "SESSION=" + sessionCookie);
        }
        try {
            return new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event's data, or null when none came within the wait. */
    String nextData(Duration wait) throws InterruptedException {
        return data.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Everything the stream carried so far, comments included. */
    synchronized String everything() {
        return everything.toString();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (this) {
                    everything.append(line).append('\n');
                }
                if (line.startsWith("data:")) {
                    data.add(line.substring("data:".length()));
                }
            }
        } catch (IOException closed) {
            // closed by the test
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException alreadyClosed) {
            // nothing to do
        }
        reader.interrupt();
    }
}
