package uk.csc.workflow.platform.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import uk.csc.workflow.platform.security.EngineCalls.Kind;

/**
 * Every read of a child's case through the engine's REST API ({@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}: tasks, process instances, variables, history, jobs) goes to the case
 * file's audit trail with the user, the case reference and what was read. The cases are found from
 * the ids in the path (a task, an instance, an execution, a variable, a job) and in the answer
 * (every {@code processInstanceId}, an instance's own {@code id}, a {@code businessKey}), so a list
 * is recorded once per case it showed. Only answered reads (2xx) are recorded; a refusal showed nothing.
 */
public class EngineReadAudit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineReadAudit.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 500;

    private final ProcessEngine engine;
    private final CaseReadLog audit;

    public EngineReadAudit(ProcessEngine engine, CaseReadLog audit) {
        this.engine = engine;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EngineRequest call = EngineRequest.of(request);
        Kind kind = call.area() == EngineRequest.Area.ENGINE
                ? EngineCalls.kindOf(request.getMethod(), call.segments()).orElse(null) : null;
        if (kind != Kind.READ && kind != Kind.QUERY) {
            chain.doFilter(request, response);
            return;
        }
        var caller = EngineRequest.caller(request);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (caller.isPresent() && answer.getStatus() >= 200 && answer.getStatus() < 300) {
                record(caller.get().id(), request.getMethod(), call, answer);
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }

    private void record(String userId, String method, EngineRequest call, ContentCachingResponseWrapper answer) {
        try {
            Set<String> instances = new LinkedHashSet<>();
            Set<String> businessKeys = new LinkedHashSet<>();
            CaseAccess.asSystem(engine, () -> {
                fromPath(call.segments(), instances);
                return null;
            });
            String type = answer.getContentType();
            if (type != null && type.contains("json") && answer.getContentSize() > 0) {
                fromAnswer(JSON.readTree(answer.getContentAsByteArray()), isInstanceResource(call.segments()), instances, businessKeys);
            }
            if (!instances.isEmpty()) {
                businessKeys.addAll(CaseAccess.asSystem(engine, () -> businessKeysOf(instances)));
            }
            if (!businessKeys.isEmpty()) {
                audit.engineRead(userId, businessKeys, "engine " + method + " " + shortened(call.path()));
            }
        } catch (RuntimeException | IOException e) {
            // The answer has been given; a failure to work out what it showed is logged, not sent.
            log.warn("Engine read by {} could not be audited: {}", userId, e.toString());
        }
    }

    private static String shortened(String path) {
        return path.length() > 400 ? path.substring(0, 400) : path;
    }

    private static boolean isInstanceResource(List<String> segments) {
        return !segments.isEmpty() && (segments.get(0).equals("process-instance")
                || segments.size() > 1 && segments.get(0).equals("history") && segments.get(1).equals("process-instance"));
    }

    /** The instance behind an id in the path. */
    private void fromPath(List<String> s, Set<String> instances) {
        if (s.size() < 2 || s.get(1).equals("count")) {
            return;
        }
        String id = s.get(1);
        switch (s.get(0)) {
            case "task" -> {
                Task task = engine.getTaskService().createTaskQuery().taskId(id).singleResult();
                if (task != null) {
                    add(instances, task.getProcessInstanceId());
                } else {
                    HistoricTaskInstance done = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(id).singleResult();
                    if (done != null) {
                        add(instances, done.getProcessInstanceId());
                    }
                }
            }
            case "process-instance" -> add(instances, id);
            case "execution" -> {
                Execution execution = engine.getRuntimeService().createExecutionQuery().executionId(id).singleResult();
                if (execution != null) {
                    add(instances, execution.getProcessInstanceId());
                }
            }
            case "variable-instance" -> {
                VariableInstance variable = engine.getRuntimeService().createVariableInstanceQuery().variableId(id).singleResult();
                if (variable != null) {
                    add(instances, variable.getProcessInstanceId());
                }
            }
            case "job" -> {
                Job job = engine.getManagementService().createJobQuery().jobId(id).singleResult();
                if (job != null) {
                    add(instances, job.getProcessInstanceId());
                }
            }
            case "history" -> fromHistoryPath(s, instances);
            default -> { }
        }
    }

    private void fromHistoryPath(List<String> s, Set<String> instances) {
        if (s.size() < 3 || s.get(2).equals("count")) {
            return;
        }
        String id = s.get(2);
        switch (s.get(1)) {
            case "process-instance" -> add(instances, id);
            case "variable-instance" -> {
                HistoricVariableInstance variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
                        .variableId(id).singleResult();
                if (variable != null) {
                    add(instances, variable.getProcessInstanceId());
                }
            }
            default -> { }
        }
    }

    /** Every instance an answer names. */
    private static void fromAnswer(JsonNode node, boolean instanceResource, Set<String> instances, Set<String> businessKeys) {
        if (node.isArray()) {
            node.forEach(item -> fromAnswer(item, instanceResource, instances, businessKeys));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        add(instances, textOf(node, "processInstanceId"));
        add(businessKeys, textOf(node, "businessKey"));
        if (instanceResource) {
            add(instances, textOf(node, "id"));
        }
        // HAL answers of Tasklist's filter lists: {"_embedded": {"task": [...]}, ...}
        JsonNode embedded = node.get("_embedded");
        if (embedded != null && embedded.isObject()) {
            embedded.forEach(list -> fromAnswer(list, false, instances, businessKeys));
        }
    }

    private static String textOf(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static void add(Set<String> set, String value) {
        if (value != null && !value.isBlank()) {
            set.add(value);
        }
    }

    private Set<String> businessKeysOf(Set<String> instanceIds) {
        Set<String> keys = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>(instanceIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            var chunk = new LinkedHashSet<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            for (HistoricProcessInstance instance : engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceIds(chunk).list()) {
                add(keys, instance.getBusinessKey());
            }
        }
        return keys;
    }
}
