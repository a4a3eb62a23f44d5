package uk.csc.workflow.referral.process;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.ProposedMatchException;
import uk.csc.workflow.platform.EngineUser;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.platform.process.ScopeVariables;
import uk.csc.workflow.platform.security.CaseAccess;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.FieldProblem;
import uk.csc.workflow.platform.web.TaskRejection;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.ContactService;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * A duty worker started the route from Tasklist's start form: record the contact as
 * {@code POST /api/contacts} does. A contact that arrived through the API is already recorded and
 * passes straight through, but only when the front door itself is starting that very case: a
 * {@code caseId} in a start form is refused, and whatever else a form sends that only the system
 * sets (the team, its managers, a worker, ids) is dropped before the contact is recorded. Either
 * way the instance's grants go to the case's team as the case file has it. An invalid form fails
 * the start as a whole, so nothing is stored.
 */
@Component("registerContact")
class RegisterContactDelegate implements JavaDelegate {

    /** What only the system writes: never taken from a start form (the registration sets its own). */
    private static final List<String> SYSTEM_SET = List.of(CaseVariables.CASE_REF, CaseVariables.TEAM,
            CaseVariables.TEAM_MANAGERS, CaseVariables.WORKER, ReferralToAssessmentModel.Variables.CONTACT_ID,
            ReferralToAssessmentModel.Variables.DUTY_WORKER);

    /** Start form fields (START_DATA) answering a proposed match. */
    static final String START_MATCH_DECISION = "matchDecision";
    static final String START_MATCH_CHILD_ID = "matchChildId";


    private final ContactService contacts;
    private final FrontDoor frontDoor;
    private final CaseFileService cases;
    private final IdentityService identity;
    private final TimeSource time;
    private final CaseAccess access;

    RegisterContactDelegate(ContactService contacts, FrontDoor frontDoor, CaseFileService cases, IdentityService identity,
                            TimeSource time, CaseAccess access) {
        this.access = access;
        this.contacts = contacts;
        this.frontDoor = frontDoor;
        this.cases = cases;
        this.identity = identity;
        this.time = time;
    }

    /** The start form's field for each field of the contact API, so a refusal names what the duty worker sees. */
    private static final Map<String, String> FORM_FIELDS = Map.ofEntries(
            Map.entry("child", "childFirstName"), Map.entry("child.firstName", "childFirstName"),
            Map.entry("child.lastName", "childLastName"), Map.entry("child.dateOfBirth", "childDateOfBirth"),
            Map.entry("child.expectedBirth", "childExpectedBirth"), Map.entry("child.sex", "childSex"),
            Map.entry("child.ethnicity", "childEthnicity"), Map.entry("child.postcode", "childPostcode"),
            Map.entry("child.nhsNumber", "childNhsNumber"), Map.entry("child.upn", "childUpn"),
            Map.entry("receivedAt", "receivedOn"), Map.entry("matchDecision.decision", START_MATCH_DECISION),
            Map.entry("matchDecision.childId", START_MATCH_CHILD_ID), Map.entry("matchDecision", START_MATCH_DECISION));

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.hasVariable(CaseVariables.CASE_ID)) {
            Object caseId = execution.getVariable(CaseVariables.CASE_ID);
            if (!FrontDoor.isStarting(caseId)) {
                throw TaskRejection.forbidden("a contact's case is opened by the front door: a start form cannot name one");
            }
            access.open(execution.getProcessInstanceId(), cases.get(((Number) caseId).longValue()).team(), FrontDoor.READERS);
            return;
        }
        var starter = EngineUser.current(identity);
        execution.removeVariables(SYSTEM_SET);
        starter.ifPresent(user -> execution.setVariable(ReferralToAssessmentModel.Variables.DUTY_WORKER, user.id()));
        FormValues form = new FormValues(ScopeVariables.of(execution));
        boolean unborn = form.flag("childUnborn");
        LocalDate receivedOn = form.optionalPastDate("receivedOn", time.today());
        if (receivedOn == null && !form.hasProblem("receivedOn")) {
            form.problem("receivedOn", "is required");
        }
        // Both dates are read and checked (a bad value is refused even in a field the form hides); an unborn child has no date of birth.
        LocalDate born = form.optionalDate("childDateOfBirth");
        LocalDate expected = form.optionalDate("childExpectedBirth");
        var child = new ContactRequest.Child(text(form, "childFirstName"), text(form, "childLastName"),
                unborn ? null : born, expected,
                text(form, "childSex"), text(form, "childEthnicity"), text(form, "childPostcode"), text(form, "childNhsNumber"),
                text(form, "childUpn"));
        var request = new ContactRequest(child, text(form, "referralSource"), receivedAt(receivedOn), text(form, "concerns"),
                text(form, ReferralToAssessmentModel.Variables.CONCERN_LEVEL), form.flag("immediateRisk"), form.flag("dvNotification"),
                form.flag("consent"), text(form, "teamOverride"), matchDecision(execution, form));
        String userId = starter.map(EngineUser::id).orElse("system");
        // Every problem at once: the form's own (a value that is not text, not a date) and the contact's rules.
        List<FieldProblem> problems = new ArrayList<>(form.problems());
        contacts.problems(request).stream().map(p -> new FieldProblem(FORM_FIELDS.getOrDefault(p.field(), p.field()), p.reason()))
                .filter(p -> !form.hasProblem(p.field())).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw TaskRejection.invalid(new BadRequestException(problems));
        }
        ContactService.Registration registration;
        try {
            registration = contacts.register(request, userId);
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
        access.open(execution.getProcessInstanceId(), registration.team(), FrontDoor.READERS);
    }

    /** A text field as submitted (any length: the contact's rules check it); not text at all is a problem. */
    private static String text(FormValues form, String field) {
        return form.optionalText(field, Integer.MAX_VALUE);
    }

    /** The start form's answer to a proposed match: the known child's id and Confirm or Reject. */
    private static ContactRequest.MatchDecision matchDecision(DelegateExecution execution, FormValues form) {
        Object decision = execution.getVariable(START_MATCH_DECISION);
        Object child = execution.getVariable(START_MATCH_CHILD_ID);
        // The known child's id is checked whenever it is given, as every field is.
        boolean none = child == null || child instanceof String text && text.isBlank();
        // The form's field is text (digits), as Tasklist sends it: a typed number is the wrong type, refused like any text field's.
        boolean anId = child instanceof String digits && digits.strip().matches("\\d{1,18}");
        if (!none && !anId) {
            throw TaskRejection.invalid(new BadRequestException(START_MATCH_CHILD_ID, "must be the known child's id, written in digits"));
        }
        if (decision == null || decision.toString().isBlank()) {
            return null;
        }
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
