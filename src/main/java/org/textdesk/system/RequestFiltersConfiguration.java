package org.textdesk.system;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class RequestFiltersConfiguration {

    /**
     * Just after the character encoding filter, before the others, so that every filter after it sees the request
     * as the trusted proxy says it was made.
     */
    @Bean
    FilterRegistrationBean<TrustedProxiesFilter> trustedProxiesFilter(
            @Value("${textdesk.trusted-proxies}") String trustedProxies) {
        FilterRegistrationBean<TrustedProxiesFilter> registration =
                new FilterRegistrationBean<>(new TrustedProxiesFilter(trustedProxies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    @Bean
    PagesInFlight pagesInFlight() {
        return new PagesInFlight();
    }

    /** Counts a page from its first filter to its last byte. */
    @Bean
    FilterRegistrationBean<PagesInFlight> pagesInFlightFilter(PagesInFlight pagesInFlight) {
        FilterRegistrationBean<PagesInFlight> registration = new FilterRegistrationBean<>(pagesInFlight);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** Only for requests made to /error directly: the server's own error dispatches never pass it. */
    @Bean
    FilterRegistrationBean<ErrorPathFilter> errorPathFilter(@Value("${server.error.path:/error}") String errorPath) {
        FilterRegistrationBean<ErrorPathFilter> registration = new FilterRegistrationBean<>(new ErrorPathFilter());
        registration.addUrlPatterns(errorPath, errorPath + "/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
