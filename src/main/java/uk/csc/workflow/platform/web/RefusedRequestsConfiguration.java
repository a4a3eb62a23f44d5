package uk.csc.workflow.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link RefusedRequests} outside Spring Security, so that 401 and 403 answers are logged too. */
@Configuration(proxyBeanMethods = false)
class RefusedRequestsConfiguration {

    @Bean
    FilterRegistrationBean<RefusedRequests> refusedRequestsLog() {
        var registration = new FilterRegistrationBean<>(new RefusedRequests());
        registration.setName("refused-requests-log");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        // Inside the live-request gate (highest precedence), before Spring Security (-100).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
