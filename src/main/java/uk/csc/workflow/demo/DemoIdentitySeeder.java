package uk.csc.workflow.demo;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.referral.ReferralToAssessmentModel;

/**
 * Seeds the demo profile's groups, users (password {@code demo}) and the Camunda authorizations
 * each role needs. Idempotent: only what is missing is created, so a restart changes nothing.
 * The group authorizations are the same a council would set up in Admin for real staff.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "csc.demo.enabled", havingValue = "true")
class DemoIdentitySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentitySeeder.class);
    static final String DEMO_PASSWORD = "demo";
    private static final String ANY = "*";

    record DemoUser(String id, String firstName, String lastName, String role, String team) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("worker.north", "Nadia", "North", Groups.PRACTITIONER, Groups.TEAM_NORTH),
            new DemoUser("worker.south", "Samir", "South", Groups.PRACTITIONER, Groups.TEAM_SOUTH),
            new DemoUser("manager.north", "Martha", "North", Groups.TEAM_MANAGER, Groups.TEAM_NORTH),
            new DemoUser("manager.south", "Mark", "South", Groups.TEAM_MANAGER, Groups.TEAM_SOUTH),
            new DemoUser("service.manager", "Sian", "Manager", Groups.SERVICE_MANAGER, null),
            new DemoUser("panel.chair", "Priya", "Chair", Groups.PANEL_CHAIR, null),
            new DemoUser("iro", "Ian", "Reviewer", Groups.IRO, null),
            new DemoUser("mash.police", "Paul", "Police", Groups.MASH, null),
            new DemoUser("mash.health", "Hana", "Health", Groups.MASH, null),
            // The multi-agency child protection team (csc.child-protection.multi-agency): Team North's lead child
            // protection practitioner and the police, health and education members, who work on any team's cases.
            new DemoUser("lead.cp", "Lena", "Lead", Groups.LEAD_CP_PRACTITIONER, Groups.TEAM_NORTH),
            new DemoUser("mact.police", "Peter", "Constable", Groups.MACT_POLICE, null),
            new DemoUser("mact.health", "Hetty", "Nurse", Groups.MACT_HEALTH, null),
            new DemoUser("mact.education", "Esme", "Teacher", Groups.MACT_EDUCATION, null),
            new DemoUser("auditor", "Alex", "Auditor", Groups.AUDITOR, null),
            new DemoUser("performance.officer", "Pat", "Performance", Groups.PERFORMANCE, null));

    private static final Map<String, String> GROUP_NAMES = Map.ofEntries(
            Map.entry(Groups.PRACTITIONER, "Practitioners (social workers)"),
            Map.entry(Groups.TEAM_MANAGER, "Team managers"),
            Map.entry(Groups.SERVICE_MANAGER, "Service managers"),
            Map.entry(Groups.PANEL_CHAIR, "Reception into Care panel chairs"),
            Map.entry(Groups.IRO, "Independent reviewing officers"),
            Map.entry(Groups.MASH, "Multi-agency screening (police, health)"),
            Map.entry(Groups.LEAD_CP_PRACTITIONER, "Lead child protection practitioners"),
            Map.entry(Groups.MACT_POLICE, "Multi-agency child protection team: police"),
            Map.entry(Groups.MACT_HEALTH, "Multi-agency child protection team: health"),
            Map.entry(Groups.MACT_EDUCATION, "Multi-agency child protection team: education"),
            Map.entry(Groups.AUDITOR, "Auditors (read the audit trail)"),
            Map.entry(Groups.PERFORMANCE, "Performance team (statutory returns)"),
            Map.entry(Groups.TEAM_NORTH, "Team North"),
            Map.entry(Groups.TEAM_SOUTH, "Team South"));

    record Grant(Resource resource, String resourceId, Permission... permissions) {
    }

    /**
     * Tasklist, the users and groups it names, and the models it renders the forms of. No case data: a
     * case's instances, tasks and history are granted to its team by the engine as the case starts
     * (platform.security.CaseAccess), never to a role as a whole.
     */
    private static final List<Grant> EVERY_ROLE = List.of(
            new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
            new Grant(Resources.USER, ANY, Permissions.READ),
            new Grant(Resources.GROUP, ANY, Permissions.READ),
            new Grant(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));

    /** Recording a contact from Tasklist's start form (the only way staff start a route). */
    private static final List<Grant> RECORDS_CONTACTS = List.of(
            new Grant(Resources.PROCESS_DEFINITION, ReferralToAssessmentModel.PROCESS_ID, ProcessDefinitionPermissions.CREATE_INSTANCE),
            new Grant(Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE));

    /** Asking the Reception into Care panel from Tasklist's start form. */
    private static final List<Grant> ASKS_THE_PANEL = List.of(
            new Grant(Resources.PROCESS_DEFINITION, ReceptionIntoCarePanelModel.PROCESS_ID, ProcessDefinitionPermissions.CREATE_INSTANCE));

    /**
     * Cockpit, read-only: the definitions and deployments. Which instances a manager sees there is decided per case
     * (their team's, or the whole city's for a service manager), as in Tasklist.
     */
    private static final List<Grant> MANAGES = List.of(
            new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            new Grant(Resources.DEPLOYMENT, ANY, Permissions.READ),
            new Grant(Resources.DECISION_DEFINITION, ANY, Permissions.READ),
            new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));

    private static final Map<String, List<List<Grant>>> ROLE_GRANTS = Map.ofEntries(
            Map.entry(Groups.PRACTITIONER, List.of(EVERY_ROLE, RECORDS_CONTACTS)),
            Map.entry(Groups.TEAM_MANAGER, List.of(EVERY_ROLE, RECORDS_CONTACTS, ASKS_THE_PANEL, MANAGES)),
            Map.entry(Groups.SERVICE_MANAGER, List.of(EVERY_ROLE, RECORDS_CONTACTS, ASKS_THE_PANEL, MANAGES)),
            Map.entry(Groups.PANEL_CHAIR, List.of(EVERY_ROLE)),
            Map.entry(Groups.IRO, List.of(EVERY_ROLE)),
            Map.entry(Groups.MASH, List.of(EVERY_ROLE)),
            // Tasklist only: the team's cases come through the team group (the lead), the agency members' tasks through
            // their candidate group; no grant on case data.
            Map.entry(Groups.LEAD_CP_PRACTITIONER, List.of(EVERY_ROLE)),
            Map.entry(Groups.MACT_POLICE, List.of(EVERY_ROLE)),
            Map.entry(Groups.MACT_HEALTH, List.of(EVERY_ROLE)),
            Map.entry(Groups.MACT_EDUCATION, List.of(EVERY_ROLE)),
            // The statutory returns page in Cockpit; no case data there (the returns come through /api/returns).
            Map.entry(Groups.PERFORMANCE, List.of(List.of(new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS)))));

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    DemoIdentitySeeder(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        GROUP_NAMES.forEach(this::ensureGroup);
        ROLE_GRANTS.forEach((group, grantLists) -> {
            List<Grant> grants = grantLists.stream().flatMap(List::stream).toList();
            grants.forEach(g -> ensureGrant(group, g));
            revokeOthers(group, grants);
        });
        int created = 0;
        for (DemoUser demo : USERS) {
            if (ensureUser(demo)) {
                created++;
            }
            ensureMembership(demo.id(), demo.role());
            if (demo.team() != null) {
                ensureMembership(demo.id(), demo.team());
            }
        }
        log.info("Demo identities ready: {} users ({} new), {} groups", USERS.size(), created, GROUP_NAMES.size());
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(Groups.isTeam(id) ? "TEAM" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    private boolean ensureUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
            return false;
        }
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@demo.invalid");
        user.setPassword(DEMO_PASSWORD);
        identityService.saveUser(user);
        return true;
    }

    private void ensureMembership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(userId, groupId);
        }
    }

    private void ensureGrant(String groupId, Grant grant) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(grant.resource()).resourceId(grant.resourceId())
                .singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        authorization.setPermissions(grant.permissions());
        authorizationService.saveAuthorization(authorization);
    }

    /**
     * A role keeps exactly the grants listed here: a broad grant an earlier version gave (every
     * instance, task or history of the city) is removed on the next start. Grants on single resources
     * (Tasklist's filters, a case's instances and tasks) are not the seeder's and stay.
     */
    private void revokeOthers(String groupId, List<Grant> grants) {
        for (Authorization existing : authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .authorizationType(AUTH_TYPE_GRANT).list()) {
            boolean listed = grants.stream().anyMatch(g -> g.resource().resourceType() == existing.getResourceType()
                    && g.resourceId().equals(existing.getResourceId()));
            boolean broad = ANY.equals(existing.getResourceId()) || existing.getResourceType() == Resources.PROCESS_DEFINITION.resourceType();
            if (!listed && broad) {
                authorizationService.deleteAuthorization(existing.getId());
            }
        }
    }
}
