package uk.csc.workflow.platform.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Hands the user Spring Security authenticated on {@code /engine-rest} to the engine, so that
 * every REST call runs with that user's Camunda authorizations (engine authorization is on); puts
 * the engine door ({@link EngineDoor}) and the read audit ({@link EngineReadAudit}) in front of the
 * engine's REST API, both as {@code /engine-rest} and as the webapps' {@code /camunda/api/engine}.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthenticationConfiguration {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        // After Spring Security (order -100), which has already authenticated the caller.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineDoor> engineDoor(ProcessEngine engine) {
        var registration = new FilterRegistrationBean<>(new EngineDoor(engine));
        registration.setName("engine-door");
        registration.addUrlPatterns("/engine-rest/*", EngineRequest.WEBAPP_ENGINE + "/*", EngineRequest.COCKPIT + "/*");
        // After Spring Security, which knows the caller of /engine-rest; before the engine and the webapps.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 30);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineReadAudit> engineReadAudit(ProcessEngine engine, CaseReadLog audit) {
        var registration = new FilterRegistrationBean<>(new EngineReadAudit(engine, audit));
        registration.setName("engine-read-audit");
        registration.addUrlPatterns("/engine-rest/*", EngineRequest.WEBAPP_ENGINE + "/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<DefaultPageSizeFilter> engineRestDefaultPage(
            @Value("${csc.engine-rest.default-page-size:200}") int defaultPageSize) {
        var registration = new FilterRegistrationBean<>(new DefaultPageSizeFilter(defaultPageSize));
        registration.setName("engine-rest-default-page");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 5);
        return registration;
    }
}
