package org.textdesk.twilio;

import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.message.Media;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The files (MMS) of incoming texts at Twilio: fetched with the same twilio-java client and credentials as
 * sending ({@link TwilioGateway}), following Twilio's redirect to its media host (asked without credentials: its
 * address is signed), and deleted through the SDK's Media deleter. Only URLs at Twilio (https, *.twilio.com) or
 * at TEXTDESK_TWILIO_API_BASE_URL are asked:
 * a MediaUrl pointing anywhere else never gets the Auth Token.
 */
@Component
public class TwilioMedia {

    private static final Logger log = LoggerFactory.getLogger(TwilioMedia.class);
    /** .../Accounts/{AccountSid}/Messages/{MessageSid}/Media/{MediaSid}, as Twilio's MediaUrl{N} reads. */
    private static final Pattern MEDIA_PATH = Pattern.compile(
            ".*/Accounts/(AC[0-9a-fA-F]{32})/Messages/([A-Z]{2}[0-9a-fA-F]{32})/Media/(ME[0-9a-fA-F]{32})(\\.json)?");

    private static final java.util.Set<Integer> REDIRECTS = java.util.Set.of(301, 302, 303, 307, 308);

    private final TwilioGateway gateway;

    TwilioMedia(TwilioGateway gateway) {
        this.gateway = gateway;
    }

    /** Whether TextDesk may ask for this URL with the account's credentials. */
    public boolean atTwilio(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException notAUrl) {
            return false;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if ("https".equalsIgnoreCase(uri.getScheme()) && (host.equals("twilio.com") || host.endsWith(".twilio.com"))) {
            return true;
        }
        String base = gateway.apiBaseUrl();
        return url.startsWith(base + "/") && uri.getUserInfo() == null;
    }

    /**
     * Fetches one file, at most {@code maxBytes} of it. One request, and one more to where Twilio redirects; every failure is
     * an outcome, never an exception.
     */
    public MediaDownload fetch(TwilioSetup setup, String url, long maxBytes) {
        if (!atTwilio(url)) {
            return new MediaDownload(MediaDownload.Outcome.NOT_AT_TWILIO, null, null, "the URL is not at Twilio");
        }
        try {
            TwilioRestClient client = gateway.client(setup.accountSid(), setup.authToken());
            Response response = client.request(new Request(HttpMethod.GET, url));
            String location = header(response, "Location");
            if (REDIRECTS.contains(response.getStatusCode()) && location != null) {
                // Twilio's media host takes a signed address: asked without the account's credentials.
                response = client.getHttpClient().makeRequest(
                        new Request(HttpMethod.GET, URI.create(url).resolve(location).toString()));
            }
            int status = response.getStatusCode();
            if (status != 200) {
                return MediaDownload.tryAgain("HTTP " + status);
            }
            String contentType = header(response, "Content-Type");
            try (InputStream body = response.getStream()) {
                if (body == null) {
                    return MediaDownload.tryAgain("HTTP 200 without a body");
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    return new MediaDownload(MediaDownload.Outcome.TOO_LARGE, null, contentType,
                            "larger than " + maxBytes + " bytes");
                }
                return new MediaDownload(MediaDownload.Outcome.FETCHED, bytes, contentType, null);
            }
        } catch (TwilioException e) {
            return MediaDownload.tryAgain(TwilioFailure.of(e).toString());
        } catch (IOException e) {
            return MediaDownload.tryAgain("reading the answer failed: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Deletes the file at Twilio (Media deleter: DELETE .../Messages/{MessageSid}/Media/{MediaSid}.json).
     *
     * @return whether Twilio deleted it (or had nothing to delete)
     */
    public boolean delete(TwilioSetup setup, String url) {
        Matcher path = MEDIA_PATH.matcher(URI.create(url).getPath());
        if (!atTwilio(url) || !path.matches() || !path.group(1).equals(setup.accountSid())) {
            log.info("A file's URL is not one of account {}'s media at Twilio; not deleted there", setup.accountSid());
            return false;
        }
        try {
            boolean deleted = Media.deleter(path.group(1), path.group(2), path.group(3))
                    .delete(gateway.client(setup.accountSid(), setup.authToken()));
            log.info("File {} of message {} deleted at Twilio: {}", path.group(3), path.group(2), deleted);
            return deleted;
        } catch (TwilioException e) {
            TwilioFailure failure = TwilioFailure.of(e);
            if (failure.httpStatus() != null && failure.httpStatus() == 404) {
                return true;
            }
            log.warn("File {} of message {} could not be deleted at Twilio: {}", path.group(3), path.group(2), failure);
            return false;
        }
    }

    private static String header(Response response, String name) {
        if (response.getHeaders() == null) {
            return null;
        }
        for (Header header : response.getHeaders()) {
            if (header.getName().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
