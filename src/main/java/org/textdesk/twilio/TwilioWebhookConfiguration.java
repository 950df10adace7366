package org.textdesk.twilio;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TwilioWebhookConfiguration {

    /** The signature gate runs on /twilio/* only, before Spring Security sees the request. */
    @Bean
    FilterRegistrationBean<TwilioWebhookFilter> twilioWebhookFilter(TwilioSetupService setupService,
            WebhookUrls webhookUrls) {
        FilterRegistrationBean<TwilioWebhookFilter> registration = new FilterRegistrationBean<>(
                new TwilioWebhookFilter(setupService, webhookUrls));
        registration.addUrlPatterns("/twilio/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
