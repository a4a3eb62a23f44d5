package uk.csc.workflow.panel.process;

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
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.TaskRejection;

/**
 * A team manager started the panel from Tasklist's start form: record the request for the case
 * named in the form, as the API does. A process started by the API or the referral hand-off
 * already has its request and passes straight through. An invalid form fails the whole start.
 */
@Component("registerPanelRequest")
class RegisterPanelRequestDelegate implements JavaDelegate {


    private final PanelRequests panel;
    private final PanelIntake intake;
    private final CaseFileService cases;
    private final IdentityService identity;

    RegisterPanelRequestDelegate(PanelRequests panel, PanelIntake intake, CaseFileService cases, IdentityService identity) {
        this.panel = panel;
        this.intake = intake;
        this.cases = cases;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(ReceptionIntoCarePanelModel.Variables.REQUEST_ID)) {
            return;
        }
        var user = EngineUser.current(identity).map(u -> new CurrentUser(u.id(), java.util.Set.copyOf(u.groups())))
                .orElse(CurrentUser.SYSTEM);
        try {
            FormValues form = new FormValues(execution.getVariables());
            String caseRef = form.text(CaseVariables.CASE_REF, 20);
            form.validate();
            var record = cases.readable(caseRef, user);
            intake.checkMayRequest(record, user);
            long requestId = panel.openRequest(record.id(), "TASKLIST", user.id());
            panel.prepare(requestId, new FormValues(execution.getVariables()), user.id()).forEach(execution::setVariable);
            intake.startVariables(record, requestId, true).forEach(execution::setVariable);
            execution.removeVariables(ReceptionIntoCarePanelModel.START_DATA);
            execution.setProcessBusinessKey(record.caseRef());
            panel.attachProcess(requestId, execution.getProcessInstanceId());
        } catch (BadRequestException e) {
            throw TaskRejection.invalid(e);
        } catch (uk.csc.workflow.platform.web.NotFoundException e) {
            throw TaskRejection.invalid(new BadRequestException(CaseVariables.CASE_REF, "no such case"));
        }
    }
}
