package uk.csc.workflow.panel.process;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.panel.PanelRequests;
import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.platform.EngineUser;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.platform.process.ScopeVariables;
import uk.csc.workflow.platform.security.CaseAccess;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.TaskRejection;

/**
 * A team manager started the panel from Tasklist's start form: record the request for the case
 * named in the form (which the manager must be allowed to ask for), as the API does. A process
 * started by the API or the referral hand-off already has its request and passes straight through,
 * but only when {@link PanelIntake} itself is starting that very request: a {@code requestId} in a
 * start form is refused, and what else only the system sets is dropped. Either way the instance's
 * grants go to the case's team as the case file has it. An invalid form fails the whole start.
 */
@Component("registerPanelRequest")
class RegisterPanelRequestDelegate implements JavaDelegate {

    /** What only the system writes: never taken from a start form (startVariables sets its own). */
    private static final List<String> SYSTEM_SET = List.of(CaseVariables.CASE_ID, CaseVariables.TEAM, CaseVariables.TEAM_MANAGERS,
            CaseVariables.WORKER, ReceptionIntoCarePanelModel.Variables.REQUEST_PREPARED,
            ReceptionIntoCarePanelModel.Variables.ENDORSE_PROCEEDINGS, ReceptionIntoCarePanelModel.Variables.REQUESTED_BY);

    private final PanelRequests panel;
    private final PanelIntake intake;
    private final CaseFileService cases;
    private final IdentityService identity;
    private final CaseAccess access;

    RegisterPanelRequestDelegate(PanelRequests panel, PanelIntake intake, CaseFileService cases, IdentityService identity,
                                 CaseAccess access) {
        this.access = access;
        this.panel = panel;
        this.intake = intake;
        this.cases = cases;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(ReceptionIntoCarePanelModel.Variables.REQUEST_ID)) {
            if (!PanelIntake.isStarting(execution.getVariable(ReceptionIntoCarePanelModel.Variables.REQUEST_ID))) {
                throw TaskRejection.forbidden("a panel request is opened by the case file: a start form cannot name one");
            }
            access.open(execution.getProcessInstanceId(), cases.get(CaseVariables.id(execution, CaseVariables.CASE_ID)).team(),
                    PanelIntake.READERS);
            return;
        }
        var engineUser = EngineUser.current(identity);
        var user = engineUser.map(u -> new CurrentUser(u.id(), java.util.Set.copyOf(u.groups()))).orElse(CurrentUser.SYSTEM);
        execution.removeVariables(SYSTEM_SET);
        engineUser.ifPresent(u -> execution.setVariable(ReceptionIntoCarePanelModel.Variables.REQUESTED_BY, u.id()));
        try {
            FormValues form = new FormValues(ScopeVariables.of(execution));
            String caseRef = form.text(CaseVariables.CASE_REF, 20);
            form.validate();
            var record = cases.readable(caseRef, user);
            intake.checkMayRequest(record, user);
            long requestId = panel.openRequest(record.id(), "TASKLIST", user.id());
            panel.prepare(requestId, new FormValues(ScopeVariables.of(execution)), user.id()).forEach(execution::setVariable);
            intake.startVariables(record, requestId, true).forEach(execution::setVariable);
            execution.removeVariables(ReceptionIntoCarePanelModel.START_DATA);
            execution.setProcessBusinessKey(record.caseRef());
            panel.attachProcess(requestId, execution.getProcessInstanceId());
            access.open(execution.getProcessInstanceId(), record.team(), PanelIntake.READERS);
        } catch (BadRequestException e) {
            throw TaskRejection.invalid(e);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            throw TaskRejection.forbidden(e.getMessage());
        } catch (uk.csc.workflow.platform.web.NotFoundException e) {
            throw TaskRejection.invalid(new BadRequestException(CaseVariables.CASE_REF, "no such case"));
        }
    }
}
