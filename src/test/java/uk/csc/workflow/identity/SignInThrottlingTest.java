package uk.csc.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import uk.csc.workflow.platform.time.EngineClock;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * Failed sign-ins slow the next ones and pause the account for a while, never for good, with the
 * production schedule of application.yaml put in force for these tests (the test profile has no
 * pause, as other tests sign in wrongly on purpose at a pinned time). The clock is moved as the
 * pause runs out. HTTP Basic on the APIs and the webapps' own login share the count.
 */
@PostgresIntegrationTest
class SignInThrottlingTest {

    private static final String USER = "throttle.test";
    private static final String PASSWORD = "right-password-1";
    private static final String PREFIX = "camunda.bpm.generic-properties.properties.";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessEngine engine;

    private int[] testSettings;
    private Instant now;

    @BeforeEach
    void productionScheduleAndAFreshUser() {
        var config = config();
        testSettings = new int[] {config.getLoginDelayBase(), config.getLoginDelayFactor(), config.getLoginDelayMaxTime(),
                config.getLoginMaxAttempts()};
        Properties production = productionProperties();
        config.setLoginDelayBase(Integer.parseInt(production.getProperty(PREFIX + "login-delay-base")));
        config.setLoginDelayFactor(Integer.parseInt(production.getProperty(PREFIX + "login-delay-factor")));
        config.setLoginDelayMaxTime(Integer.parseInt(production.getProperty(PREFIX + "login-delay-max-time")));
        config.setLoginMaxAttempts(Integer.parseInt(production.getProperty(PREFIX + "login-max-attempts")));

        if (identityService.createUserQuery().userId(USER).count() > 0) {
            identityService.deleteUser(USER);
        }
        User user = identityService.newUser(USER);
        user.setFirstName("Throttle");
        user.setLastName("Test");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(USER, Groups.PRACTITIONER);
        identityService.createMembership(USER, Groups.TEAM_NORTH);
        now = TestTime.base();
    }

    @AfterEach
    void testScheduleAgain() {
        var config = config();
        config.setLoginDelayBase(testSettings[0]);
        config.setLoginDelayFactor(testSettings[1]);
        config.setLoginDelayMaxTime(testSettings[2]);
        config.setLoginMaxAttempts(testSettings[3]);
        identityService.deleteUser(USER);
    }

    @Test
    void theProductionScheduleNeverLocksForGood() {
        Properties production = productionProperties();

        assertThat(Integer.parseInt(production.getProperty(PREFIX + "login-max-attempts"))).isEqualTo(Integer.MAX_VALUE);
        assertThat(Integer.parseInt(production.getProperty(PREFIX + "login-delay-max-time"))).isBetween(60, 600);
    }

    @Test
    void fiveWrongPasswordsPauseSignInForMinutesThenTheRightOneWorksAgain() {
        // Each failure in a row pauses sign-in for longer: 1, 4, 16, 64, 256 seconds.
        for (int pause : new int[] {1, 4, 16, 64, 256}) {
            ResponseEntity<String> wrong = basic("wrong-password");
            assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(wrong.getBody()).contains("The user name or password is wrong");
            assertThat(wrong.getHeaders().get("WWW-Authenticate")).isNull();

            // Slowed: during the pause not even the right password is checked.
            ResponseEntity<String> tooSoon = basic(PASSWORD);
            assertThat(tooSoon.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            assertThat(Long.parseLong(tooSoon.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, pause + 1L);

            if (pause < 256) {
                advance(Duration.ofSeconds(pause));
            }
        }

        // After the fifth failure: a lock of a few minutes, in plain words, as JSON.
        advance(Duration.ofSeconds(200));
        ResponseEntity<String> locked = basic(PASSWORD);
        assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(locked.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(locked.getBody()).contains("\"status\":429")
                .contains("Sign-in for this account is paused after failed attempts. Try again after 11:05:41 (UK time), in 56 seconds.");
        assertThat(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("56");
        // A wrong password during the pause does not make it longer.
        assertThat(basic("wrong-again").getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        // The lock expires by itself.
        advance(Duration.ofSeconds(56));
        assertThat(basic(PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
        // ... and the count starts again: one failure is a one-second pause.
        assertThat(basic("wrong-password").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        advance(Duration.ofSeconds(1));
        assertThat(basic(PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aWrongPasswordCountsOnce() {
        // Without a pause, so that a second check in the same request would count again.
        config().setLoginDelayMaxTime(0);

        assertThat(basic("wrong-password").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(((UserEntity) identityService.createUserQuery().userId(USER).singleResult()).getAttempts()).isEqualTo(1);
    }

    @Test
    void manyWrongPasswordsNeverLockTheAccountForGood() {
        // More failures in a row than Camunda's default permanent lock (10), each after the last pause.
        for (int attempt = 1; attempt <= 15; attempt++) {
            assertThat(basic("guess-" + attempt).getStatusCode()).as("attempt " + attempt).isEqualTo(HttpStatus.UNAUTHORIZED);
            ResponseEntity<String> paused = basic(PASSWORD);
            assertThat(paused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            long retryAfter = Long.parseLong(paused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
            assertThat(retryAfter).as("at most five minutes").isLessThanOrEqualTo(301);
            advance(Duration.ofSeconds(retryAfter));
        }

        assertThat(basic(PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(identityService.checkPassword(USER, PASSWORD)).isTrue();
    }

    @Test
    void theTasklistLoginIsPausedTooAndSharesTheCountWithTheApis() {
        // Camunda's own login (identityService.checkPassword with the engine's login delay).
        for (int pause : new int[] {1, 4, 16, 64, 256}) {
            assertThat(tasklistLogin("wrong-password").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(tasklistLogin(PASSWORD).getStatusCode()).as("paused").isEqualTo(HttpStatus.UNAUTHORIZED);
            if (pause < 256) {
                advance(Duration.ofSeconds(pause));
            }
        }
        // The APIs see the same pause.
        assertThat(basic(PASSWORD).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        advance(Duration.ofSeconds(255));
        assertThat(tasklistLogin(PASSWORD).getStatusCode()).as("still paused").isEqualTo(HttpStatus.UNAUTHORIZED);
        advance(Duration.ofSeconds(1));
        assertThat(tasklistLogin(PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anUnknownUserIsRefusedAsAWrongPasswordIs() {
        ResponseEntity<String> unknown = rest.withBasicAuth("nobody.here", "whatever").getForEntity("/api/timescales", String.class);
        ResponseEntity<String> again = rest.withBasicAuth("nobody.here", "whatever").getForEntity("/api/timescales", String.class);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<String> basic(String password) {
        return rest.withBasicAuth(USER, password).getForEntity("/api/timescales", String.class);
    }

    private ResponseEntity<String> tasklistLogin(String password) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        String xsrf = cookie(page, "XSRF-TOKEN");
        HttpHeaders login = new HttpHeaders();
        login.add(HttpHeaders.COOKIE, "JSESSIONID=" + cookie(page, "JSESSIONID") + "; XSRF-TOKEN=" + xsrf);
        login.set("X-XSRF-TOKEN", xsrf);
        login.setOrigin(rest.getRootUri());
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>("username=" + USER + "&password=" + password, login), String.class);
    }

    private void advance(Duration duration) {
        now = now.plus(duration);
        EngineClock.pin(now);
    }

    private ProcessEngineConfigurationImpl config() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /** application.yaml as shipped (its profile sections set no sign-in settings). */
    private static Properties productionProperties() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties properties = yaml.getObject();
        assertThat(properties).containsKeys(PREFIX + "login-delay-base", PREFIX + "login-delay-factor",
                PREFIX + "login-delay-max-time", PREFIX + "login-max-attempts");
        return properties;
    }

    private static String cookie(ResponseEntity<?> response, String name) {
        return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";", 2)[0])
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.getHeaders()));
    }
}
