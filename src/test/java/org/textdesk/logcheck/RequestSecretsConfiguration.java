package org.textdesk.logcheck;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Puts {@link RequestSecretsFilter} in front of the application of every test (MockMvc and real HTTP). */
@TestConfiguration(proxyBeanMethods = false)
public class RequestSecretsConfiguration {

    @Bean
    FilterRegistrationBean<RequestSecretsFilter> requestSecretsFilter() {
        FilterRegistrationBean<RequestSecretsFilter> registration = new FilterRegistrationBean<>(new RequestSecretsFilter());
        // Just after Spring's CharacterEncodingFilter (HIGHEST_PRECEDENCE): parameters are read as UTF-8.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
