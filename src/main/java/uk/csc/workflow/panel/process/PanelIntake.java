package uk.csc.workflow.panel.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseOutcome;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.casefile.CaseRouteEnded;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.panel.PanelProperties;
import uk.csc.workflow.panel.PanelRequests;
import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.process.CandidateUsers;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.platform.web.BadRequestException;

/**
 * Camunda adapter: starts {@code receptionIntoCarePanel} for a case, from the referral route's
 * hand-off (the team manager then prepares the request) or from a team manager's request. The
 * process's first step ({@link RegisterPanelRequestDelegate}) accepts a ready-made request only
 * from this class, on this thread, for the request it has just opened.
 */
@Component
public class PanelIntake {

    /** Besides the case's team, who reads a panel process in the engine. */
    static final List<String> READERS = List.of(Groups.SERVICE_MANAGER, Groups.PANEL_CHAIR);

    /** The request this thread is starting the panel process for, while it starts it. */
    private static final ThreadLocal<Long> STARTING = new ThreadLocal<>();

    private final PanelRequests panel;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final PanelProperties properties;

    PanelIntake(PanelRequests panel, StaffDirectory staff, RuntimeService runtime, PanelProperties properties) {
        this.properties = properties;
        this.panel = panel;
        this.staff = staff;
        this.runtime = runtime;
    }

    /** The referral route ended in "referred to panel": the request waits for the team manager. */
    @EventListener
    public void onRouteEnded(CaseRouteEnded ended) {
        if (ended.outcome() == CaseOutcome.REFERRED_TO_PANEL) {
            long requestId = panel.openRequest(ended.caseId(), "REFERRAL_ROUTE", "system");
            start(ended.caseId(), requestId, false);
        }
    }

    /** A team manager's request for an open case ({@code POST /api/cases/{ref}/panel-requests}). */
    @Transactional
    public Map<String, Object> request(CaseRecord record, Map<String, Object> body, CurrentUser user) {
        checkMayRequest(record, user);
        if (!panel.isCaseOpen(record.id())) {
            throw new BadRequestException("caseRef", "case " + record.caseRef() + " is closed");
        }
        long requestId = panel.openRequest(record.id(), "TEAM_MANAGER", user.id());
        Map<String, Object> routing = panel.prepare(requestId, new FormValues(body), user.id());
        String processInstanceId = start(record.id(), requestId, true, routing);
        Map<String, Object> answer = new HashMap<>(routing);
        answer.put(ReceptionIntoCarePanelModel.Variables.REQUEST_ID, requestId);
        answer.put(CaseVariables.CASE_REF, record.caseRef());
        answer.put("processInstanceId", processInstanceId);
        return answer;
    }

    /** The team's manager, or a service manager, asks the panel. */
    public void checkMayRequest(CaseRecord record, CurrentUser user) {
        boolean teamManager = user.isIn(Groups.TEAM_MANAGER) && user.teams().contains(record.team());
        if (!teamManager && !user.isIn(Groups.SERVICE_MANAGER) && !user.isIn(Groups.ADMIN)) {
            throw new AccessDeniedException("Only the team's manager or a service manager asks the panel");
        }
    }

    private String start(long caseId, long requestId, boolean prepared) {
        return start(caseId, requestId, prepared, Map.of());
    }

    private String start(long caseId, long requestId, boolean prepared, Map<String, Object> routing) {
        CaseRecord record = panel.caseRecord(caseId);
        Map<String, Object> variables = new HashMap<>(routing);
        variables.putAll(startVariables(record, requestId, prepared));
        String id;
        STARTING.set(requestId);
        try {
            id = runtime.startProcessInstanceByKey(ReceptionIntoCarePanelModel.PROCESS_ID, record.caseRef(), variables).getId();
        } finally {
            STARTING.remove();
        }
        panel.attachProcess(requestId, id);
        return id;
    }

    /** Whether this thread is starting the panel process of exactly this request, just opened. */
    static boolean isStarting(Object requestId) {
        Long starting = STARTING.get();
        return starting != null && requestId instanceof Number n && n.longValue() == starting;
    }

    /** Ids and routing values only; the request itself is in the panel tables. */
    public Map<String, Object> startVariables(CaseRecord record, long requestId, boolean prepared) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CASE_ID, record.id());
        variables.put(CaseVariables.CASE_REF, record.caseRef());
        variables.put(CaseVariables.TEAM, record.team());
        variables.put(CaseVariables.TEAM_MANAGERS, CandidateUsers.of(staff.teamManagers(record.team())));
        variables.put(ReceptionIntoCarePanelModel.Variables.REQUEST_ID, requestId);
        variables.put(ReceptionIntoCarePanelModel.Variables.REQUEST_PREPARED, prepared);
        variables.put(ReceptionIntoCarePanelModel.Variables.ENDORSE_PROCEEDINGS, properties.serviceManagerEndorsesProceedings());
        return variables;
    }
}
