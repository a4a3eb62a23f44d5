package uk.csc.workflow.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.ResourceMethod;

import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * Checks a JSON body sent to the engine REST API before the engine reads it, and refuses with
 * 400 naming each field what the engine would otherwise answer with 500 or store as given: a
 * missing or {@code null} body, a body that is not a JSON object, and variables the engine cannot
 * or must not take: an unknown type, a Java-serialized value, malformed {@code Json}, an
 * {@code Xml} value, a {@code Date} that is not a real instant in the engine's format
 * ({@code 2026-02-30T00:00:00.000+0000} would silently become 2 March), a number or boolean that
 * is not one, an object where text is expected.
 */
@Priority(Priorities.ENTITY_CODER)
public class EngineRestInput implements ContainerRequestFilter {

    /** The properties of engine REST bodies that hold a map of variables ({@code {"name": {"value": .., "type": ..}}}). */
    static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables", "processVariablesLocal",
            "localVariables", "correlationKeys", "localCorrelationKeys", "processVariablesToTriggeredScope", "variablesLocal");
    /** The properties whose variables keep their own names as the field (what a form calls them). */
    private static final Set<String> FORM_MAPS = Set.of("variables", "modifications");
    private static final Set<String> TYPES = Set.of("string", "boolean", "short", "integer", "long", "double", "date", "null",
            "json", "xml", "object", "bytes", "file");
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxx", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern JAVA_SERIALIZED = Pattern.compile("(?i)application/x-java-serialized-object");
    private static final Pattern PLAIN_JAVA_TYPE = Pattern.compile("java\\.(lang|util)\\.[A-Za-z]+(<.*>)?");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @Context
    private ExtendedUriInfo matched;

    private final TimeSource time;

    public EngineRestInput(TimeSource time) {
        this.time = time;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        TaskRejection.forget();
        Class<?> entity = entityType();
        if (entity == null || entity == InputStream.class || entity == String.class || entity == byte[].class
                || request.getMediaType() != null && !request.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readNBytes(MAX_BODY + 1) : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        if (body.length > MAX_BODY) {
            refuse(request, 413, List.of(new FieldProblem("body", "is larger than " + MAX_BODY / 1024 / 1024 + " MB")));
            return;
        }
        JsonNode root;
        try {
            root = body.length == 0 ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            refuse(request, 400, List.of(new FieldProblem("body", "is not valid JSON")));
            return;
        }
        boolean wantsList = Collection.class.isAssignableFrom(entity) || entity.isArray();
        if (root == null || root.isNull() || root.isMissingNode()) {
            refuse(request, 400, List.of(new FieldProblem("body", "is required: a JSON " + (wantsList ? "list" : "object"))));
            return;
        }
        if (!wantsList && !root.isObject() || wantsList && !root.isArray()) {
            refuse(request, 400, List.of(new FieldProblem("body", "must be a JSON " + (wantsList ? "list" : "object"))));
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        String nul = pathOfNul(root, "");
        nul = nul == null ? null : nul.replaceAll("\\.(value|type|valueInfo.*)$", "");
        if (nul != null) {
            // PostgreSQL stores no NUL character: refused here rather than failing the statement.
            refuse(request, 400, List.of(new FieldProblem(nul.isEmpty() ? "body" : nul, "must not contain the NUL character")));
            return;
        }
        if (entity.getSimpleName().equals("VariableValueDto")) {
            // PUT .../variables/{name}: the field is the variable the path names.
            var segments = request.getUriInfo().getPathSegments();
            checkVariable(segments.isEmpty() ? "value" : segments.get(segments.size() - 1).getPath(), root, problems);
        } else {
            findVariables(root, problems);
        }
        if (!problems.isEmpty()) {
            refuse(request, 400, problems);
        }
    }

    /** The type the matched resource method reads the body into; null when it reads none. */
    private Class<?> entityType() {
        ResourceMethod method = matched == null ? null : matched.getMatchedResourceMethod();
        if (method == null) {
            return null;
        }
        for (Parameter parameter : method.getInvocable().getParameters()) {
            if (parameter.getSource() == Parameter.Source.ENTITY) {
                return parameter.getRawType();
            }
        }
        return null;
    }

    /** Where a text in the body (or a property name) holds a NUL character: a variable's name for variables, else the JSON path. */
    private static String pathOfNul(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.asText().indexOf('\u0000') >= 0 ? path : null;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                String found = pathOfNul(element, path);
                if (found != null) {
                    return found;
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String here = FORM_MAPS.contains(lastSegment(path)) ? field.getKey() : path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (field.getKey().indexOf('\u0000') >= 0) {
                return here;
            }
            String found = pathOfNul(field.getValue(), here);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private void findVariables(JsonNode node, List<FieldProblem> problems) {
        if (node.isArray()) {
            node.forEach(element -> findVariables(element, problems));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (VARIABLE_MAPS.contains(field.getKey())) {
                checkVariables(field.getKey(), field.getValue(), problems);
            } else {
                findVariables(field.getValue(), problems);
            }
        }
    }

    private static void checkVariables(String property, JsonNode variables, List<FieldProblem> problems) {
        if (variables.isNull()) {
            return;
        }
        if (!variables.isObject()) {
            problems.add(new FieldProblem(property, "must be an object of variables: {\"name\": {\"value\": ..., \"type\": ...}}"));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = variables.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            checkVariable(FORM_MAPS.contains(property) ? entry.getKey() : property + "." + entry.getKey(), entry.getValue(), problems);
        }
    }

    /** One variable: {@code {"value": ..., "type": ..., "valueInfo": {...}}}. */
    private static void checkVariable(String field, JsonNode variable, List<FieldProblem> problems) {
        if (!variable.isObject()) {
            problems.add(new FieldProblem(field, "must be {\"value\": ..., \"type\": ...}"));
            return;
        }
        JsonNode typeNode = variable.get("type");
        JsonNode value = variable.path("value");
        JsonNode info = variable.get("valueInfo");
        if (info != null && !info.isNull() && !info.isObject()) {
            problems.add(new FieldProblem(field, "valueInfo must be an object"));
            return;
        }
        if (typeNode == null || typeNode.isNull()) {
            return;
        }
        if (!typeNode.isTextual() || !TYPES.contains(typeNode.asText().toLowerCase(Locale.ROOT))) {
            problems.add(new FieldProblem(field, "type " + FormValuesEcho.of(typeNode) + " is not a variable type"));
            return;
        }
        String type = typeNode.asText().toLowerCase(Locale.ROOT);
        boolean absent = value.isMissingNode() || value.isNull();
        String problem = switch (type) {
            case "string" -> absent || value.isValueNode() ? null : "must be text";
            case "boolean" -> absent || value.isBoolean() || value.isTextual() && Set.of("true", "false").contains(value.asText())
                    ? null : "must be true or false";
            case "short" -> integral(value, absent, Short.MIN_VALUE, Short.MAX_VALUE);
            case "integer" -> integral(value, absent, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "long" -> integral(value, absent, Long.MIN_VALUE, Long.MAX_VALUE);
            case "double" -> absent || value.isNumber() || value.isTextual() && isDouble(value.asText()) ? null : "must be a number";
            case "date" -> absent ? null : date(value);
            case "json" -> absent ? null : json(value);
            case "xml" -> "Xml values are not accepted: send the text as a String";
            case "object" -> object(info);
            case "bytes", "file" -> absent || value.isTextual() ? null : "must be base64 text";
            default -> null;
        };
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
        }
    }

    private static String integral(JsonNode value, boolean absent, long min, long max) {
        if (absent) {
            return null;
        }
        String text = value.isTextual() ? value.asText().strip() : value.isIntegralNumber() ? value.asText() : null;
        try {
            long number = text == null ? Long.MIN_VALUE : Long.parseLong(text);
            return text != null && number >= min && number <= max ? null : "must be a whole number from " + min + " to " + max;
        } catch (NumberFormatException e) {
            return "must be a whole number from " + min + " to " + max;
        }
    }

    private static boolean isDouble(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The engine's date format exactly, a real day (no 30 February) within the dates any record may carry. */
    private static String date(JsonNode value) {
        String text = value.isTextual() ? value.asText() : "";
        try {
            if (DATE.matcher(text).matches()) {
                OffsetDateTime at = OffsetDateTime.parse(text, ENGINE_DATE);
                if (FormValues.plausible(at.toLocalDate())) {
                    return null;
                }
                return "must be between " + FormValues.EARLIEST + " and " + FormValues.LATEST;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        return "must be a real date and time as yyyy-MM-dd'T'HH:mm:ss.SSSZ, e.g. 2026-12-01T00:00:00.000+0000";
    }

    private static String json(JsonNode value) {
        if (!value.isTextual()) {
            return "must be JSON as text";
        }
        try {
            JSON.readTree(value.asText());
            return null;
        } catch (JsonProcessingException e) {
            return "is not valid JSON";
        }
    }

    private static String object(JsonNode info) {
        String format = info == null ? "" : info.path("serializationDataFormat").asText("");
        String typeName = info == null ? "" : info.path("objectTypeName").asText("");
        if (JAVA_SERIALIZED.matcher(format).find()) {
            return "Java-serialized values are refused";
        }
        if (!format.isEmpty() && !format.equalsIgnoreCase("application/json")) {
            return "the serialization format must be application/json";
        }
        if (!PLAIN_JAVA_TYPE.matcher(typeName).matches()) {
            return "objectTypeName must be a plain list, map or value type";
        }
        return null;
    }

    private void refuse(ContainerRequestContext request, int status, List<FieldProblem> problems) {
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String reason = statusType == null ? "Payload Too Large" : statusType.getReasonPhrase();
        request.abortWith(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new EngineRestError(EngineRestError.INVALID_REQUEST, time.now().toString(), status, reason,
                        "Please correct the request", "/engine-rest/" + request.getUriInfo().getPath(), problems))
                .build());
    }

    /** How a refusal quotes a submitted value: short, on one line. */
    private static final class FormValuesEcho {
        static String of(JsonNode node) {
            String text = node.isTextual() ? node.asText() : node.toString();
            text = text.replaceAll("\\p{Cntrl}", " ");
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
    }
}
