package uk.csc.workflow.platform.process;

import java.util.ArrayList;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Puts one of the product's sessions in the place of the engine's own of the same type, for every
 * command: the engine registers its custom session factories after its defaults, so a custom factory
 * of a session type wins. Call from a plugin's {@code preInit}.
 */
public final class EngineSessions {

    private EngineSessions() {
    }

    public static void replace(ProcessEngineConfigurationImpl configuration, Class<?> type, Supplier<? extends Session> session) {
        if (configuration.getCustomSessionFactories() == null) {
            configuration.setCustomSessionFactories(new ArrayList<>());
        }
        configuration.getCustomSessionFactories().add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return session.get();
            }
        });
    }
}
