package uk.csc.workflow.referral.process;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.ProposedMatchException;
import uk.csc.workflow.platform.EngineUser;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.TaskRejection;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.ContactService;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * A duty worker started the route from Tasklist's start form: record the contact as
 * {@code POST /api/contacts} does. A contact that arrived through the API is already recorded
 * (the process has its {@code caseId}) and passes straight through. An invalid form fails the
 * start as a whole, so nothing is stored.
 */
@Component("registerContact")
class RegisterContactDelegate implements JavaDelegate {

    /** Start form fields (START_DATA) answering a proposed match. */
    static final String START_MATCH_DECISION = "matchDecision";
    static final String START_MATCH_CHILD_ID = "matchChildId";


    private final ContactService contacts;
    private final FrontDoor frontDoor;
    private final CaseFileService cases;
    private final IdentityService identity;
    private final TimeSource time;

    RegisterContactDelegate(ContactService contacts, FrontDoor frontDoor, CaseFileService cases, IdentityService identity,
                            TimeSource time) {
        this.contacts = contacts;
        this.frontDoor = frontDoor;
        this.cases = cases;
        this.identity = identity;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(CaseVariables.CASE_ID)) {
            return;
        }
        FormValues form = new FormValues(execution.getVariables());
        boolean unborn = form.flag("childUnborn");
        LocalDate receivedOn = form.optionalDate("receivedOn");
        var child = new ContactRequest.Child((String) execution.getVariable("childFirstName"),
                (String) execution.getVariable("childLastName"), unborn ? null : form.optionalDate("childDateOfBirth"),
                unborn ? form.optionalDate("childExpectedBirth") : null, (String) execution.getVariable("childSex"),
                (String) execution.getVariable("childEthnicity"), (String) execution.getVariable("childPostcode"),
                (String) execution.getVariable("childNhsNumber"), (String) execution.getVariable("childUpn"));
        var request = new ContactRequest(child, (String) execution.getVariable("referralSource"), receivedAt(receivedOn),
                (String) execution.getVariable("concerns"), (String) execution.getVariable(ReferralToAssessmentModel.Variables.CONCERN_LEVEL),
                form.flag("immediateRisk"), form.flag("dvNotification"), form.flag("consent"),
                (String) execution.getVariable("teamOverride"), matchDecision(execution, form));
        String userId = EngineUser.current(identity).map(EngineUser::id).orElse("system");
        ContactService.Registration registration;
        try {
            registration = contacts.register(request, userId);
        } catch (BadRequestException e) {
            throw TaskRejection.invalid(e);
        } catch (ProposedMatchException e) {
            // No name in the message: the engine may log it. The worker finds the child by its id.
            throw TaskRejection.invalid(new BadRequestException(START_MATCH_DECISION, "a child already known has a similar name "
                    + "and the same date of birth (child " + e.candidates().stream().map(c -> String.valueOf(c.childId()))
                    .collect(java.util.stream.Collectors.joining(", ")) + "): give the child's id under 'Known child' and "
                    + "choose Confirm to link this contact to that child, or choose Reject to record a new child"));
        }
        execution.removeVariables(ReferralToAssessmentModel.START_DATA);
        frontDoor.routingVariables(registration).forEach(execution::setVariable);
        execution.setProcessBusinessKey(registration.opened().caseRef());
        cases.attachProcess(registration.opened().caseId(), execution.getProcessInstanceId());
    }

    /** The start form's answer to a proposed match: the known child's id and Confirm or Reject. */
    private static ContactRequest.MatchDecision matchDecision(DelegateExecution execution, FormValues form) {
        Object decision = execution.getVariable(START_MATCH_DECISION);
        if (decision == null || decision.toString().isBlank()) {
            return null;
        }
        Object child = execution.getVariable(START_MATCH_CHILD_ID);
        Long childId = null;
        if (child instanceof Number n) {
            childId = n.longValue();
        } else if (child != null && !child.toString().isBlank()) {
            try {
                childId = Long.parseLong(child.toString().strip());
            } catch (NumberFormatException e) {
                throw TaskRejection.invalid(new BadRequestException(START_MATCH_CHILD_ID, "must be the known child's id (a number)"));
            }
        }
        return new ContactRequest.MatchDecision(childId, decision.toString().strip());
    }

    /** Received today: now; on an earlier day: the start of that day (the clock counts in days). */
    private OffsetDateTime receivedAt(LocalDate receivedOn) {
        if (receivedOn == null) {
            return null;
        }
        if (receivedOn.equals(time.today())) {
            return time.now().atZone(StatutoryTimescales.STATUTORY_ZONE).toOffsetDateTime();
        }
        return receivedOn.atStartOfDay(StatutoryTimescales.STATUTORY_ZONE).toOffsetDateTime();
    }
}
