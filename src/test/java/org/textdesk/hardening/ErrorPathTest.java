package org.textdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.textdesk.IntegrationTest;

/** /error asked for directly (no error happened) is a page that does not exist, not a 500 "status 999". */
class ErrorPathTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void getErrorInABrowserIsTheUsual404Page() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/error"))
                        .header("Accept", "text/html,application/xhtml+xml").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Not found", "There is nothing at this address.").doesNotContain("999");
    }

    @Test
    void getErrorAskedForJsonIsA404TooAndPostLikewise() throws Exception {
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/error"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).contains("\"status\":404").doesNotContain("999");

        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/error/x"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(404);
    }
}
