package org.textdesk.sandbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The application's own address on this machine ({@code http://localhost:<port>}), known once its web server
 * has started: where the sandbox's REST API is, and where the sandbox posts Twilio's webhooks to.
 */
@Component
public class LocalAddress implements ApplicationListener<WebServerInitializedEvent> {

    private final String contextPath;
    private volatile int port;

    LocalAddress(@Value("${server.servlet.context-path:}") String contextPath) {
        this.contextPath = contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    /** {@code http://localhost:8080}, and the context path if there is one; port 0 before the server started. */
    public String baseUrl() {
        return "http://localhost:" + port + contextPath;
    }

    boolean known() {
        return port > 0;
    }
}
