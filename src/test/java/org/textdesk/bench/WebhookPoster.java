package org.textdesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.textdesk.TwilioSignatures;

/**
 * Posts signed webhooks as Twilio does, through Apache HttpClient 5's blocking client (already here with
 * twilio-java): one kept-alive connection per sender thread and no thread hand-offs, so the load generator
 * takes a small share of the 2 cores it shares with the app and PostgreSQL (the JDK HttpClient took about
 * a third of a millisecond of CPU per request, as much as PostgreSQL). Body and signature are made before
 * the clock starts.
 */
final class WebhookPoster {

    /** What came back: status, Content-Type and body. */
    record Answer(int status, String contentType, String body) {
    }

    /** One signed request, ready to send. */
    record SignedPost(String url, byte[] body, String signature) {
    }

    private static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded", StandardCharsets.UTF_8);

    private static final CloseableHttpClient CLIENT = client();

    private WebhookPoster() {
    }

    private static CloseableHttpClient client() {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(256).setMaxConnPerRoute(256)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                        .setSocketTimeout(Timeout.ofSeconds(30)).build())
                .build();
        return HttpClients.custom().setConnectionManager(connections).disableAutomaticRetries()
                .disableCookieManagement().disableRedirectHandling().disableContentCompression()
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionKeepAlive(Timeout.of(60, TimeUnit.SECONDS))
                        .build())
                .build();
    }

    static SignedPost sign(String url, String authToken, Map<String, String> params) {
        return new SignedPost(url, WebSession.encode(params).getBytes(StandardCharsets.UTF_8),
                TwilioSignatures.sign(authToken, url, params));
    }

    static Answer send(SignedPost post) throws IOException {
        HttpPost request = new HttpPost(post.url());
        request.setHeader("X-Twilio-Signature", post.signature());
        request.setEntity(new ByteArrayEntity(post.body(), FORM));
        return CLIENT.execute(request, response -> new Answer(response.getCode(),
                response.getEntity() == null || response.getEntity().getContentType() == null ? ""
                        : response.getEntity().getContentType(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }
}
