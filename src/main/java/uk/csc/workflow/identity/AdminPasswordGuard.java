package uk.csc.workflow.identity;

import java.util.Arrays;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start an unsafe installation, before any account is created: outside the demo
 * profile the administrator's password must come from the environment, and production
 * must never carry demo data or a demo password.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

    static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";
    private static final Set<String> DEMO_PASSWORDS = Set.of("demo", "admin", "password", "changeme");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<String> active = Set.copyOf(Arrays.asList(environment.getActiveProfiles().length > 0
                ? environment.getActiveProfiles() : environment.getDefaultProfiles()));
        String password = environment.getProperty(PASSWORD_PROPERTY, "");
        if (active.contains("prod")) {
            if (active.contains("demo")) {
                throw new IllegalStateException("The prod profile cannot run with the demo profile (demo users and data)");
            }
            if (password.isBlank()) {
                throw new IllegalStateException("Set CSC_ADMIN_PASSWORD: production needs an administrator password");
            }
            if (DEMO_PASSWORDS.contains(password.toLowerCase(java.util.Locale.ROOT)) || password.length() < 12) {
                throw new IllegalStateException(
                        "CSC_ADMIN_PASSWORD is a demo or short password: production needs at least 12 characters");
            }
        } else if (!active.contains("demo") && password.isBlank()) {
            throw new IllegalStateException("Set CSC_ADMIN_PASSWORD: only the demo profile has a default password");
        }
    }
}
