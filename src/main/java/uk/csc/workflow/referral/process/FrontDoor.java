package uk.csc.workflow.referral.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.platform.process.CandidateUsers;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.ContactService;
import uk.csc.workflow.referral.ReferralToAssessmentModel;

/**
 * Camunda adapter of the front door: records a contact and starts its referral route in one
 * transaction, so there is never a case without a process or a process without a case. The route's
 * first step ({@link RegisterContactDelegate}) accepts a ready-made case only from this class, on
 * this thread, for the case it has just opened: a start form that names a case is refused.
 */
@Component
public class FrontDoor {

    private static final Set<String> MAY_RECORD_CONTACTS =
            Set.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.MASH, Groups.ADMIN);
    /** Besides the case's team, who reads a referral route in the engine (the screening team sees its own tasks only). */
    static final List<String> READERS = List.of(Groups.SERVICE_MANAGER);

    /** The case this thread's front door is starting a route for, while it starts it. */
    private static final ThreadLocal<Long> STARTING = new ThreadLocal<>();

    private final ContactService contacts;
    private final CaseFileService cases;
    private final StaffDirectory staff;
    private final RuntimeService runtime;

    FrontDoor(ContactService contacts, CaseFileService cases, StaffDirectory staff, RuntimeService runtime) {
        this.contacts = contacts;
        this.cases = cases;
        this.staff = staff;
        this.runtime = runtime;
    }

    /** @throws uk.csc.workflow.casefile.ProposedMatchException when the worker must first confirm or reject a likely match */
    @Transactional(noRollbackFor = uk.csc.workflow.casefile.ProposedMatchException.class)
    public ContactRegistered receive(ContactRequest contact, CurrentUser user) {
        if (MAY_RECORD_CONTACTS.stream().noneMatch(user::isIn)) {
            throw new AccessDeniedException("Only social care staff and the screening team record contacts");
        }
        ContactService.Registration registration = contacts.register(contact, user.id());
        ProcessInstance instance;
        STARTING.set(registration.opened().caseId());
        try {
            instance = runtime.startProcessInstanceByKey(ReferralToAssessmentModel.PROCESS_ID, registration.opened().caseRef(),
                    routingVariables(registration));
        } finally {
            STARTING.remove();
        }
        cases.attachProcess(registration.opened().caseId(), instance.getId());
        return registered(registration, instance.getId());
    }

    /** Whether this thread's front door is starting the route of exactly this case, just opened. */
    static boolean isStarting(Object caseId) {
        Long starting = STARTING.get();
        return starting != null && caseId instanceof Number n && n.longValue() == starting;
    }

    static ContactRegistered registered(ContactService.Registration registration, String processInstanceId) {
        var opened = registration.opened();
        return new ContactRegistered(opened.caseRef(), opened.caseId(), registration.contactId(), registration.team(),
                opened.childId(), opened.linkedToExistingChild(), opened.linkedBy(), opened.reReferral(), processInstanceId);
    }

    /** Ids and the facts the route decides on; the child's details stay in the case tables. */
    public Map<String, Object> routingVariables(ContactService.Registration registration) {
        ContactRequest contact = registration.contact();
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CASE_ID, registration.opened().caseId());
        variables.put(CaseVariables.CASE_REF, registration.opened().caseRef());
        variables.put(ReferralToAssessmentModel.Variables.CONTACT_ID, registration.contactId());
        variables.put(CaseVariables.TEAM, registration.team());
        variables.put(CaseVariables.TEAM_MANAGERS, CandidateUsers.of(staff.teamManagers(registration.team())));
        variables.put(ReferralToAssessmentModel.Variables.PROFILE, registration.profile());
        variables.put(ReferralToAssessmentModel.Variables.RECEIVED_ON, registration.receivedOn().toString());
        variables.put(ReferralToAssessmentModel.Variables.DV_NOTIFICATION, contact.dvNotification());
        variables.put(ReferralToAssessmentModel.Variables.CONCERN_LEVEL, contact.concernLevel());
        variables.put(ReferralToAssessmentModel.Variables.IMMEDIATE_RISK, Boolean.TRUE.equals(contact.immediateRisk()));
        variables.put(ReferralToAssessmentModel.Variables.CONSENT, contact.consent());
        return variables;
    }
}
