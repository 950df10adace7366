package org.textdesk.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.textdesk.FakeTwilio;
import org.textdesk.TwilioWebhookRequests;

/** Pictures as clients' phones send them, and an incoming text's parameters carrying them as Twilio posts them. */
final class MediaFixtures {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    /** The start of a JPEG (SOI and an APP0 JFIF segment), enough for the type check. */
    static final byte[] JPEG = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16,
            'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0}, new byte[] {(byte) 0xFF, (byte) 0xD9});
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);

    private MediaFixtures() {
    }

    /**
     * An incoming text's parameters with its files, as Twilio posts an MMS: NumMedia, and MediaContentType{N}
     * and MediaUrl{N} for each.
     */
    static Map<String, String> incomingWithMedia(String messageSid, String from, String body, List<String> urls,
            List<String> types) {
        Map<String, String> params = new LinkedHashMap<>(TwilioWebhookRequests.incomingText(messageSid, from, body));
        params.put("NumMedia", String.valueOf(urls.size()));
        for (int n = 0; n < urls.size(); n++) {
            params.put("MediaContentType" + n, types.get(n));
            params.put("MediaUrl" + n, urls.get(n));
        }
        return params;
    }

    /** A Message SID of an MMS: MM and 32 hexadecimal characters. */
    static String newMmsSid() {
        return "MM" + FakeTwilio.newMessageSid().substring(2);
    }

    static void waitUntil(String what, Duration longest, BooleanSupplier condition) {
        long deadline = System.nanoTime() + longest.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for %s", longest, what).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
