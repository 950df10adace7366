package org.textdesk.twilio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A verified webhook whose parameter is missing or not in Twilio's shape: 400, for every webhook controller
 * (status, inbox), since only {@link VerifiedWebhook} throws it.
 */
@ControllerAdvice
class WebhookParameterAdvice {

    private static final Logger log = LoggerFactory.getLogger(WebhookParameterAdvice.class);

    @ExceptionHandler(VerifiedWebhook.BadParameterException.class)
    ResponseEntity<Void> badParameter(VerifiedWebhook.BadParameterException problem) {
        log.warn("Twilio webhook refused with 400: {}", problem.getMessage());
        return ResponseEntity.badRequest().build();
    }
}
