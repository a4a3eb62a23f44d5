package uk.csc.workflow.platform.web;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.csc.workflow.platform.time.TimeSource;

/**
 * Registers the engine REST API's input checks ({@link EngineRestInput}) and error answers
 * ({@link EngineRestErrors}, {@link EngineRestParamErrors}, {@link EngineRestJsonErrors}).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestValidation {

    @Bean
    ResourceConfigCustomizer engineRestInputAndErrors(TimeSource time) {
        return config -> config.register(new EngineRestInput(time)).register(new EngineRestErrors(time))
                .register(new EngineRestParamErrors(time)).register(new EngineRestJsonErrors(time));
    }
}
