package org.textdesk.twilio;

import org.textdesk.system.SecurityHeaders;

import com.twilio.security.RequestValidator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gate of every Twilio webhook (everything under /twilio/), before Spring Security: only a form post
 * whose X-Twilio-Signature matches, by twilio-java's {@link RequestValidator} with the stored Auth
 * Token, over the URL Twilio used ({@link WebhookUrls}) and the form body parameters, reaches the
 * controller, as a {@link VerifiedWebhook} request attribute.
 *
 * <p>Anything else is answered here with an empty body and one log line, and nothing is written:
 * 405 for another method than POST, 400 for a body that is not a form (or not readable), 413 for a body
 * far larger than Twilio sends, 403 when the signature is missing or wrong or no Auth Token is stored.
 * The log line never holds the Auth Token, a parameter value or the signature.
 */
class TwilioWebhookFilter extends OncePerRequestFilter {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    /** Twilio's largest webhook (a 1600-character body, percent-encoded, and its other parameters) is far less. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookFilter.class);
    private static final FormHttpMessageConverter FORM = new FormHttpMessageConverter();

    private final CurrentTwilioSetup setupService;
    private final WebhookUrls webhookUrls;

    TwilioWebhookFilter(CurrentTwilioSetup setupService, WebhookUrls webhookUrls) {
        this.setupService = setupService;
        this.webhookUrls = webhookUrls;
    }

    /** Twilio's signature check itself, as twilio-java does it: the URL and the form body parameters. */
    static boolean signatureMatches(String authToken, String url, Map<String, String> bodyParams, String signature) {
        return new RequestValidator(authToken).validate(url, bodyParams, signature);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (!"POST".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            refuse(response, HttpStatus.METHOD_NOT_ALLOWED, path, request.getMethod() + " instead of POST");
            return;
        }
        MediaType contentType;
        try {
            contentType = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException unreadable) {
            contentType = null;
        }
        if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(contentType)) {
            refuse(response, HttpStatus.BAD_REQUEST, path, "not a form post");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response, HttpStatus.CONTENT_TOO_LARGE, path, "a body of more than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        MultiValueMap<String, String> form;
        try {
            form = FORM.read(null, formMessage(body, contentType));
        } catch (HttpMessageNotReadableException | IllegalArgumentException unreadable) {
            refuse(response, HttpStatus.BAD_REQUEST, path, "a form body that cannot be read");
            return;
        }
        String signature = request.getHeader(SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            refuse(response, HttpStatus.FORBIDDEN, path, "no " + SIGNATURE_HEADER + " header");
            return;
        }
        TwilioSetup setup = setupService.currentSetup();
        if (setup.authToken() == null) {
            setup = setupService.freshSetup();
        }
        if (setup.authToken() == null) {
            refuse(response, HttpStatus.FORBIDDEN, path, "no Twilio Setup with a readable Auth Token to check "
                    + SIGNATURE_HEADER + " with");
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> param : form.entrySet()) {
            if (param.getValue().size() != 1) {
                refuse(response, HttpStatus.FORBIDDEN, path, "parameter " + param.getKey()
                        + " repeated, which a signature check cannot cover");
                return;
            }
            params.put(param.getKey(), param.getValue().get(0));
        }
        String url;
        try {
            url = webhookUrls.urlTwilioUsed(request);
        } catch (IllegalArgumentException unusable) {
            refuse(response, HttpStatus.FORBIDDEN, path, "no URL can be made of its Host and forwarded headers");
            return;
        }
        boolean matches = signatureMatches(setup.authToken(), url, params, signature.strip());
        if (!matches) {
            // The cached Auth Token may be one changed on another instance since: check with the saved one.
            TwilioSetup saved = setupService.freshSetup();
            if (saved.authToken() != null && !saved.authToken().equals(setup.authToken())) {
                setup = saved;
                matches = signatureMatches(setup.authToken(), url, params, signature.strip());
            }
        }
        if (!matches) {
            refuse(response, HttpStatus.FORBIDDEN, path, "an " + SIGNATURE_HEADER + " that does not match the Auth Token"
                    + " for " + withoutQuery(url) + (webhookUrls.publicBaseUrlConfigured()
                            ? " (from TEXTDESK_PUBLIC_BASE_URL)" : " (from the request and its forwarded headers)"));
            return;
        }
        request.setAttribute(VerifiedWebhook.ATTRIBUTE,
                new VerifiedWebhook(params, setup.textResponse(), setup.callResponse()));
        SecurityHeaders.applyTo(response);
        chain.doFilter(request, response);
    }

    private static HttpInputMessage formMessage(byte[] body, MediaType contentType) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(contentType);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String path, String why) {
        if (status == HttpStatus.FORBIDDEN) {
            log.warn("Twilio webhook {} refused with {}: {}", path, status.value(), why);
        } else {
            log.info("Twilio webhook {} refused with {}: {}", path, status.value(), why);
        }
        response.setStatus(status.value());
        SecurityHeaders.applyTo(response);
        response.setContentLength(0);
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
