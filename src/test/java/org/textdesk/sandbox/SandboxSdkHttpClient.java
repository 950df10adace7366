package org.textdesk.sandbox;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;

/**
 * twilio-java's own HTTP client, with Twilio's hosts (api, messaging) replaced by the sandbox's address: lets a
 * test call the sandbox with the real SDK, as any Twilio client would.
 */
class SandboxSdkHttpClient extends NetworkHttpClient {

    private final String base;

    SandboxSdkHttpClient(String base) {
        this.base = base;
    }

    @Override
    public Response makeRequest(Request original) {
        URI target = URI.create(original.getUrl());
        Request copy = new Request(original.getMethod(), base + target.getRawPath()
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        copy.setAuth(original.getUsername(), original.getPassword());
        original.getQueryParams().forEach((name, values) -> values.forEach(value -> copy.addQueryParam(name, value)));
        original.getPostParams().forEach((name, values) -> values.forEach(value -> copy.addPostParam(name, value)));
        original.getHeaderParams().forEach((name, values) -> values.forEach(value -> copy.addHeaderParam(name, value)));
        copy.setContentType(original.getContentType());
        return super.makeRequest(copy);
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }
}
