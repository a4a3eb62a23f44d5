package uk.csc.workflow.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordGuardTest {

    private final AdminPasswordGuard guard = new AdminPasswordGuard();

    private static MockEnvironment environment(String password, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        if (password != null) {
            environment.setProperty(AdminPasswordGuard.PASSWORD_PROPERTY, password);
        }
        return environment;
    }

    @Test
    void productionWithoutAPasswordDoesNotStart() {
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment(null, "postgres", "prod"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CSC_ADMIN_PASSWORD");
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment("", "postgres", "prod"), null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void productionWithADemoPasswordDoesNotStart() {
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment("demo", "postgres", "prod"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("demo");
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment("short1", "postgres", "prod"), null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void productionWithDemoDataDoesNotStart() {
        assertThatThrownBy(() -> guard.postProcessEnvironment(
                environment("a-proper-long-password", "postgres", "prod", "demo"), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("demo");
    }

    @Test
    void productionWithAStrongPasswordStarts() {
        assertThatCode(() -> guard.postProcessEnvironment(environment("a-proper-long-password", "postgres", "prod"), null))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyTheDemoProfileHasADefaultPassword() {
        assertThatCode(() -> guard.postProcessEnvironment(environment("demo", "demo"), null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment("", "postgres"), null))
                .isInstanceOf(IllegalStateException.class);
    }
}
