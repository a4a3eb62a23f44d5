package uk.csc.workflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A Tasklist or Cockpit login as the browser does it: the app's page gives the session and its XSRF
 * token, Camunda's login endpoint signs in; {@link #headers()} are what the webapp then sends with
 * every call ({@code /camunda/api/...}).
 */
public record WebappSession(String sessionId, String xsrf) {

    public static WebappSession login(TestRestTemplate rest, String user, String app) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/" + app + "/default/", String.class);
        String xsrf = cookie(page, "XSRF-TOKEN");
        HttpHeaders login = new HttpHeaders();
        login.add(HttpHeaders.COOKIE, "JSESSIONID=" + cookie(page, "JSESSIONID") + "; XSRF-TOKEN=" + xsrf);
        login.set("X-XSRF-TOKEN", xsrf);
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> signedIn = rest.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
                new HttpEntity<>("username=" + user + "&password=demo", login), String.class);
        assertThat(signedIn.getStatusCode()).as(user + " signs in to " + app).isEqualTo(HttpStatus.OK);
        String session = cookie(signedIn, "JSESSIONID");
        // The new session gets its own CSRF token with its first call, as the webapp's next page load does.
        HttpHeaders next = new HttpHeaders();
        next.add(HttpHeaders.COOKIE, "JSESSIONID=" + session);
        next.set("X-Requested-With", "XMLHttpRequest");
        ResponseEntity<String> profile = rest.exchange("/camunda/api/engine/engine/default/user/" + user + "/profile", HttpMethod.GET,
                new HttpEntity<>(next), String.class);
        String token = profile.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().anyMatch(c -> c.startsWith("XSRF-TOKEN="))
                ? cookie(profile, "XSRF-TOKEN") : xsrf;
        return new WebappSession(session, token);
    }

    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, "JSESSIONID=" + sessionId + "; XSRF-TOKEN=" + xsrf);
        headers.set("X-Requested-With", "XMLHttpRequest");
        headers.set("X-XSRF-TOKEN", xsrf);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    public static String cookie(ResponseEntity<?> response, String name) {
        return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";", 2)[0])
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.getHeaders()));
    }
}
