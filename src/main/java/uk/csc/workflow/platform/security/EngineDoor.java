package uk.csc.workflow.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;

import uk.csc.workflow.platform.security.EngineCalls.Kind;
import uk.csc.workflow.platform.security.EngineRequest.Caller;

/**
 * The engine's REST API is a door, not a backstage. In front of {@code /engine-rest}, of the
 * webapps' {@code /camunda/api/engine} (the same calls from Tasklist and Cockpit) and of Cockpit's
 * plugin API, it lets staff make exactly the calls of {@link EngineCalls} and refuses everything
 * else with a 403 that says why in plain English. {@code camunda-admin} passes; the system does not
 * come through HTTP. Each changing call that is let in is checked against what the engine holds:
 * a form submission carries only that form's fields and leaves its read-only fields as they are, a
 * start form is only for a process Tasklist may start, a claim is for oneself, a task update may
 * change only the follow-up date. Cockpit's own API needs the user's Cockpit access.
 */
public class EngineDoor extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COCKPIT = "cockpit";

    /**
     * The fields of each task's form, by process definition and task: a form bound to its deployment
     * never changes, so it is read and parsed once, not on every submission. Bounded by the models
     * deployed (some fifty tasks a version).
     */
    private final Map<String, Map<String, Boolean>> taskForms = new ConcurrentHashMap<>();
    private final ProcessEngine engine;

    public EngineDoor(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EngineRequest call = EngineRequest.of(request);
        Optional<Caller> caller = call.area() == EngineRequest.Area.NONE ? Optional.empty() : EngineRequest.caller(request);
        if (caller.isEmpty() || caller.get().isAdmin() || call.area() == EngineRequest.Area.COCKPIT_STATIC) {
            // Not signed in: the API answers 401 itself. Cockpit's scripts are no data.
            chain.doFilter(request, response);
            return;
        }
        if (call.oddPath()) {
            refuse(response, "The path of this call is not one the engine door knows.");
            return;
        }
        if (call.area() == EngineRequest.Area.COCKPIT) {
            if (!hasCockpit(caller.get())) {
                refuse(response, "Cockpit is for managers: this account has no Cockpit access.");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Optional<Kind> kind = EngineCalls.kindOf(request.getMethod(), call.segments());
        if (kind.isEmpty()) {
            refuse(response, EngineCalls.refusal(call.segments()));
            return;
        }
        HttpServletRequest passed = request;
        if (needsBody(kind.get())) {
            EngineRequest.WithBody withBody = EngineRequest.WithBody.read(request);
            JsonNode body;
            try {
                body = withBody.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(withBody.body());
            } catch (IOException e) {
                body = null;
            }
            // A body that is not a JSON object sets nothing: the engine REST's input checks refuse it,
            // naming what is wrong (415 for another content type, 400 for a malformed body).
            String problem = body == null || !body.isObject() ? null : check(kind.get(), call, body, caller.get());
            if (problem != null) {
                refuse(response, problem);
                return;
            }
            passed = withBody;
        } else if (kind.get() == Kind.UNCLAIM || kind.get() == Kind.OWN_ACCOUNT) {
            String problem = check(kind.get(), call, JSON.createObjectNode(), caller.get());
            if (problem != null) {
                refuse(response, problem);
                return;
            }
        }
        chain.doFilter(passed, response);
    }

    private static boolean needsBody(Kind kind) {
        return switch (kind) {
            case START, COMPLETE, CLAIM, ASSIGNEE, FOLLOW_UP -> true;
            default -> false;
        };
    }

    /** What is wrong with an allowed call, or null when it may go in. */
    private String check(Kind kind, EngineRequest call, JsonNode body, Caller caller) {
        return CaseAccess.asSystem(engine, () -> switch (kind) {
            case START -> checkStart(call, body);
            case COMPLETE -> checkSubmission(call.segments().get(1), body);
            case CLAIM -> caller.id().equals(text(body, "userId")) ? null
                    : "A task is claimed for oneself: the case's manager allocates work to others.";
            case UNCLAIM -> checkOwnOrFree(call.segments().get(1), caller, "Only the person a task is assigned to gives it back.");
            case ASSIGNEE -> checkAssignee(call.segments().get(1), text(body, "userId"), caller);
            case FOLLOW_UP -> checkFollowUpOnly(call.segments().get(1), body);
            case OWN_ACCOUNT -> caller.id().equals(call.segments().get(1)) ? null
                    : "Only your own profile and password can be changed here; an administrator manages the others in Admin.";
            default -> null;
        });
    }

    // ---- start forms ---------------------------------------------------------------------------

    private String checkStart(EngineRequest call, JsonNode body) {
        var segments = call.segments();
        ProcessDefinition definition = segments.get(1).equals("key")
                ? engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(segments.get(2))
                        .withoutTenantId().latestVersion().singleResult()
                : engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionId(segments.get(1)).singleResult();
        if (definition == null) {
            return null; // the engine answers 404
        }
        if (!definition.isStartableInTasklist()) {
            return "'" + definition.getKey() + "' is started by the system, not by staff: a case starts from a Tasklist start form.";
        }
        Map<String, Boolean> fields = formFields(() -> engine.getFormService().getDeployedStartForm(definition.getId()));
        if (fields == null) {
            return "'" + definition.getKey() + "' has no start form to submit.";
        }
        return checkVariables(body.get("variables"), fields, name -> null);
    }

    // ---- task forms ----------------------------------------------------------------------------

    private String checkSubmission(String taskId, JsonNode body) {
        Task task = taskWithForm(taskId);
        if (task == null) {
            return null; // the engine answers 404
        }
        Map<String, Boolean> fields = taskFormFields(task);
        return checkVariables(body.get("variables"), fields == null ? Map.of() : fields,
                name -> engine.getTaskService().getVariable(taskId, name));
    }

    /**
     * The task by its id, with its form reference: one read of its row, where a task query (the
     * same answer) built, authorised and ran a dynamic query, about a third of a form submission's
     * time on top of the completion itself. The door runs as the system; the engine authorises the
     * submission itself.
     */
    private Task taskWithForm(String taskId) {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
            if (task != null) {
                task.initializeFormKey();
            }
            return task;
        });
    }

    private Map<String, Boolean> taskFormFields(Task task) {
        String key = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
        Map<String, Boolean> known = taskForms.get(key);
        if (known != null) {
            return known;
        }
        Map<String, Boolean> fields = formFields(() -> engine.getFormService().getDeployedTaskForm(task.getId()));
        boolean boundToDeployment = task.getCamundaFormRef() != null && "deployment".equals(task.getCamundaFormRef().getBinding());
        if (fields != null && boundToDeployment && task.getProcessDefinitionId() != null && taskForms.size() < 5_000) {
            taskForms.put(key, Map.copyOf(fields));
        }
        return fields;
    }

    /**
     * A form submission carries the form's fields and nothing else (no variable a model routes on
     * that the form does not ask for, none only the system writes), and a read-only field comes back
     * as the form showed it.
     */
    private static String checkVariables(JsonNode variables, Map<String, Boolean> fields, Function<String, Object> current) {
        if (variables == null || variables.isNull()) {
            return null;
        }
        if (!variables.isObject()) {
            return null; // not a form submission at all: the input checks refuse it, naming "variables"
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            var variable = it.next();
            String name = variable.getKey();
            if (!fields.containsKey(name)) {
                return "'" + name + "' is not a field of this form: a form submission carries its own fields only.";
            }
            if (fields.get(name) && !sameValue(current.apply(name), variable.getValue().get("value"))) {
                return "'" + name + "' is shown read-only on this form and cannot be changed.";
            }
        }
        return null;
    }

    private static boolean sameValue(Object current, JsonNode submitted) {
        boolean submittedBlank = submitted == null || submitted.isNull() || submitted.isTextual() && submitted.asText().isEmpty();
        if (current == null || current.toString().isEmpty()) {
            return submittedBlank;
        }
        if (submittedBlank) {
            return false;
        }
        if (current instanceof Number number && submitted.isNumber()) {
            return new BigDecimal(number.toString()).compareTo(submitted.decimalValue()) == 0;
        }
        return current.toString().equals(submitted.isValueNode() ? submitted.asText() : submitted.toString());
    }

    /**
     * The keyed fields of a Camunda Form, each with whether it is read-only (or disabled); null when
     * there is no deployed form.
     */
    private static Map<String, Boolean> formFields(java.util.function.Supplier<InputStream> form) {
        JsonNode schema;
        try (InputStream in = form.get()) {
            schema = JSON.readTree(in);
        } catch (RuntimeException e) {
            if (uk.csc.workflow.platform.cluster.DatabaseFailures.isTransient(e)) {
                // The database out of reach is not "no form": the caller is answered 503, not refused.
                throw e;
            }
            return null;
        } catch (IOException e) {
            return null;
        }
        Map<String, Boolean> fields = new HashMap<>();
        collect(schema, fields);
        return fields;
    }

    private static void collect(JsonNode component, Map<String, Boolean> fields) {
        if (component == null) {
            return;
        }
        if (component.hasNonNull("key") && component.get("key").isTextual() && component.has("type")) {
            boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
            fields.merge(component.get("key").asText(), readOnly, Boolean::logicalAnd);
        }
        for (JsonNode child : component.path("components")) {
            collect(child, fields);
        }
    }

    // ---- assignment ----------------------------------------------------------------------------

    private String checkOwnOrFree(String taskId, Caller caller, String refusal) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        return task == null || task.getAssignee() == null || task.getAssignee().equals(caller.id()) ? null : refusal;
    }

    private String checkAssignee(String taskId, String userId, Caller caller) {
        if (userId != null && !userId.equals(caller.id())) {
            return "A task is assigned to oneself only: the case's manager allocates work to others.";
        }
        return checkOwnOrFree(taskId, caller, "This task is assigned to someone else: only they, or the case's manager "
                + "through the case, can change that.");
    }

    // ---- task updates --------------------------------------------------------------------------

    /** PUT /task/{id} replaces every field it names: only the follow-up date may differ from the stored task. */
    private String checkFollowUpOnly(String taskId, JsonNode body) {
        Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            return null;
        }
        String delegation = task.getDelegationState() == null ? null : task.getDelegationState().name();
        boolean same = Objects.equals(task.getName(), text(body, "name"))
                && Objects.equals(task.getDescription(), text(body, "description"))
                && task.getPriority() == body.path("priority").asInt(0)
                && Objects.equals(task.getAssignee(), text(body, "assignee"))
                && Objects.equals(task.getOwner(), text(body, "owner"))
                && Objects.equals(delegation, upper(text(body, "delegationState")))
                && sameInstant(task.getDueDate(), text(body, "due"))
                && Objects.equals(task.getParentTaskId(), text(body, "parentTaskId"))
                && Objects.equals(task.getCaseInstanceId(), text(body, "caseInstanceId"));
        return same ? null : "Only a task's follow-up date can be changed: its name, description, priority, assignee, "
                + "owner and statutory due date come from the case.";
    }

    private static boolean sameInstant(Date stored, String given) {
        if (stored == null || given == null) {
            return stored == null && given == null;
        }
        Instant parsed = parseInstant(given);
        return parsed != null && parsed.equals(stored.toInstant());
    }

    private static final DateTimeFormatter CAMUNDA_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private static Instant parseInstant(String text) {
        for (DateTimeFormatter format : new DateTimeFormatter[] {CAMUNDA_DATE, DateTimeFormatter.ISO_OFFSET_DATE_TIME}) {
            try {
                return OffsetDateTime.parse(text, format).toInstant();
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    // ---- Cockpit -------------------------------------------------------------------------------

    private boolean hasCockpit(Caller caller) {
        return CaseAccess.asSystem(engine, () -> engine.getAuthorizationService()
                .isUserAuthorized(caller.id(), caller.groups(), Permissions.ACCESS, Resources.APPLICATION, COCKPIT));
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        var answer = JSON.createObjectNode();
        answer.put("type", "AuthorizationException");
        answer.put("status", HttpServletResponse.SC_FORBIDDEN);
        answer.put("error", "Forbidden");
        answer.put("message", message);
        response.getWriter().write(JSON.writeValueAsString(answer));
    }
}
