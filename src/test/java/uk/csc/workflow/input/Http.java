package uk.csc.workflow.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Requests as a client sends them, with any body and content type, and what their answers say. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String APPLICATION_JSON = "application/json";

    /** What no answer may carry: an engine message code, a Java class name, SQL, a stack frame. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("ENGINE-\\d{5}"),
            Pattern.compile("\\b(java|javax|jakarta|org|com|uk)\\.[a-z0-9_]+\\.[A-Za-z0-9_.$]+"),
            Pattern.compile("(?i)\\b(select|insert into|update \\w+ set|delete from)\\b.*\\b(from|values|where)\\b"),
            Pattern.compile("(?i)(###|sqlstate|psqlexception|jdbc|mybatis)"),
            Pattern.compile("\\bat [a-z]+\\.[a-z]+\\.[\\w.$]+\\("),
            Pattern.compile("\\b[A-Z][A-Za-z]+(Exception|Error)\\b"));

    record Request(HttpMethod method, String path, String user, String contentType, String body) {

        static Request json(HttpMethod method, String path, String user, Object body) {
            return new Request(method, path, user, APPLICATION_JSON, write(body));
        }

        @Override
        public String toString() {
            return method + " " + path + " as " + user + (contentType == null ? "" : " [" + contentType + "]");
        }
    }

    record Answer(int status, String body, JsonNode json) {

        List<String> fields() {
            List<String> fields = new ArrayList<>();
            if (json != null) {
                json.path("problems").forEach(p -> fields.add(p.path("field").asText()));
            }
            return fields;
        }

        /** The parts of the answer a person reads (not Camunda's {@code type}, which its clients branch on). */
        String readable() {
            if (json == null) {
                return body == null ? "" : body;
            }
            StringBuilder text = new StringBuilder(json.path("message").asText("")).append(' ').append(json.path("error").asText(""));
            json.path("problems").forEach(p -> text.append(' ').append(p.path("field").asText()).append(": ").append(p.path("reason").asText()));
            return text.toString();
        }

        /** The first leak found, or null. */
        String leak() {
            String text = readable();
            for (Pattern leak : LEAKS) {
                var matcher = leak.matcher(text);
                if (matcher.find()) {
                    return matcher.group();
                }
            }
            return null;
        }
    }

    private final TestRestTemplate rest;

    Http(TestRestTemplate rest) {
        this.rest = rest;
    }

    Answer send(Request request) {
        HttpHeaders headers = new HttpHeaders();
        if (request.contentType() != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
        }
        headers.set(HttpHeaders.ACCEPT, APPLICATION_JSON);
        ResponseEntity<String> answer = rest.withBasicAuth(request.user(), "demo")
                .exchange(java.net.URI.create(rest.getRootUri() + request.path()), request.method(),
                        new HttpEntity<>(request.body(), headers), String.class);
        JsonNode json = null;
        try {
            json = answer.getBody() == null || answer.getBody().isBlank() ? null : JSON.readTree(answer.getBody());
        } catch (JsonProcessingException e) {
            // not JSON: asserted by the caller
        }
        return new Answer(answer.getStatusCode().value(), answer.getBody(), json);
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Engine REST variables: {"name": {"value": ...}} for plain values, as given for typed ones. */
    static Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Map<String, Object> variable = new LinkedHashMap<>();
            variable.put("value", value);
            variables.put(name, variable);
        });
        return variables;
    }
}
