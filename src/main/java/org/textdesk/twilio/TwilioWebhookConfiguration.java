package org.textdesk.twilio;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.textdesk.system.PagesInFlight;

@Configuration(proxyBeanMethods = false)
class TwilioWebhookConfiguration {

    /** The signature gate runs on /twilio/* only, before Spring Security sees the request. */
    @Bean
    FilterRegistrationBean<TwilioWebhookFilter> twilioWebhookFilter(CurrentTwilioSetup setupService,
            WebhookUrls webhookUrls, SentStatusCallbacks sentStatusCallbacks) {
        FilterRegistrationBean<TwilioWebhookFilter> registration = new FilterRegistrationBean<>(
                new TwilioWebhookFilter(setupService, webhookUrls, sentStatusCallbacks));
        registration.addUrlPatterns("/twilio/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    /**
     * Before the signature gate (whose reading and checking is a webhook's work too): at most so many webhooks at
     * once; 0 chooses by the machine's cores.
     */
    @Bean
    FilterRegistrationBean<WebhookTurns> webhookTurns(
            @Value("${textdesk.twilio.webhook-concurrency:0}") int webhookConcurrency, PagesInFlight pages) {
        int permits = webhookConcurrency > 0 ? webhookConcurrency
                : WebhookTurns.defaultPermits(Runtime.getRuntime().availableProcessors());
        FilterRegistrationBean<WebhookTurns> registration =
                new FilterRegistrationBean<>(new WebhookTurns(permits, pages));
        registration.addUrlPatterns("/twilio/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 11);
        return registration;
    }

    /**
     * Webhooks pass Spring Security's firewall but none of its filters: a machine has no session, login or
     * CSRF token, the signature gate above has already decided, and it sets the security headers itself.
     * The staff chain's dozen filters were a fifth of a status callback's time (README "Performance").
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain twilioWebhookSecurity() {
        return new DefaultSecurityFilterChain(PathPatternRequestMatcher.withDefaults().matcher("/twilio/**"));
    }
}
