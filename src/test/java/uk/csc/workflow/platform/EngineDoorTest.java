package uk.csc.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.review.LookedAfterReviewsModel;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;
import uk.csc.workflow.support.WebappSession;

/**
 * The engine door: staff make exactly the calls Tasklist and Cockpit need, through /engine-rest
 * and through the webapps' own engine API; everything else is refused with a 403 that says why,
 * and leaves the engine as it was. An administrator is not stopped.
 */
@PostgresIntegrationTest
class EngineDoorTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    RepositoryService repository;
    @Autowired
    org.camunda.bpm.engine.FilterService filters;

    private ContactRegistered northCase() {
        return drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().minusHours(1).toString()));
    }

    private Task decisionTask(ContactRegistered c) {
        return drive.task(c.processInstanceId(), ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION);
    }

    private ResponseEntity<Map> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    private static void assertRefused(ResponseEntity<Map> answer, String because) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody()).containsEntry("type", "AuthorizationException");
        assertThat((String) answer.getBody().get("message")).contains(because);
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    // ---- starting processes --------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {LookedAfterReviewsModel.PROCESS_ID, StatutoryEscalationModel.PROCESS_ID})
    void staffCannotStartTheInternalProcesses(String process) {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(process).count();
        var forged = Map.of("variables", Map.of("caseRef", value("CSC-2026-000001"), "team", value("team-north"),
                "candidateUsers", value(List.of("worker.north"))));

        assertRefused(call("worker.north", HttpMethod.POST, "/engine-rest/process-definition/key/" + process + "/start", forged),
                "start a case from its Tasklist start form");
        assertRefused(call("manager.north", HttpMethod.POST, "/engine-rest/process-definition/key/" + process + "/submit-form", forged),
                "started by the system");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(process).count()).isEqualTo(before);
    }

    @Test
    void theStartableProcessesStartOnlyThroughTheirStartForms() {
        var start = Map.of("variables", Map.of("childFirstName", value("Direct")));

        assertRefused(call("worker.north", HttpMethod.POST, "/engine-rest/process-definition/key/"
                + ReferralToAssessmentModel.PROCESS_ID + "/start", start), "start form");
        String id = repository.createProcessDefinitionQuery().processDefinitionKey(ReferralToAssessmentModel.PROCESS_ID)
                .latestVersion().singleResult().getId();
        assertRefused(call("worker.north", HttpMethod.POST, "/engine-rest/process-definition/" + id + "/start", start), "start form");
    }

    @Test
    void aStartFormCarriesOnlyItsOwnFields() {
        ContactRegistered south = drive.receive(new uk.csc.workflow.referral.ContactRequest(
                new uk.csc.workflow.referral.ContactRequest.Child("South" + System.nanoTime(), "Child", TestTime.bornYearsAgo(5), null,
                        "F", "WBRI", "B12 9AA", null, null), "2A", TestTime.now(), "Concerns", "CHILD_IN_NEED", false, false, true, null));
        long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(ReferralToAssessmentModel.PROCESS_ID).count();
        Map<String, Object> form = new HashMap<>();
        Map.of("childFirstName", "Forged", "childLastName", "Start", "childDateOfBirth", "2020-02-02", "childSex", "F",
                "childEthnicity", "WBRI", "childPostcode", "B23 6AB", "referralSource", "6", "receivedOn", TestTime.today().toString(),
                "concerns", "Named another team's case", "concernLevel", "CHILD_IN_NEED").forEach((k, v) -> form.put(k, value(v)));
        form.put("caseId", Map.of("value", south.caseId(), "type", "Long"));
        form.put("team", value("team-south"));

        assertRefused(call("worker.north", HttpMethod.POST, "/engine-rest/process-definition/key/" + ReferralToAssessmentModel.PROCESS_ID
                + "/submit-form", Map.of("variables", form)), "'caseId' is not a field of this form");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ReferralToAssessmentModel.PROCESS_ID).count())
                .isEqualTo(instancesBefore);
    }

    // ---- variables -----------------------------------------------------------------------------

    @Test
    void variablesAreNeverSetOrDeletedOutsideAFormSubmission() {
        ContactRegistered c = northCase();
        Task task = decisionTask(c);
        String pi = c.processInstanceId();
        String execution = task.getExecutionId();
        var teamManagers = Map.of("modifications", Map.of("teamManagers", Map.of("value", "[\"manager.south\"]",
                "type", "Json")));

        assertRefused(call("worker.north", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/variables", teamManagers),
                "only when a task's form is submitted");
        assertRefused(call("manager.north", HttpMethod.PUT, "/engine-rest/task/" + task.getId() + "/variables/team",
                value("team-south")), "only when a task's form is submitted");
        assertRefused(call("manager.north", HttpMethod.PUT, "/engine-rest/engine/default/task/" + task.getId() + "/variables/team",
                value("team-south")), "only when a task's form is submitted");
        assertRefused(call("manager.north", HttpMethod.DELETE, "/engine-rest/task/" + task.getId() + "/localVariables/caseId", null),
                "only when a task's form is submitted");
        assertRefused(call("manager.north", HttpMethod.POST, "/engine-rest/process-instance/" + pi + "/variables", teamManagers),
                "only when a task's form is submitted");
        assertRefused(call("manager.north", HttpMethod.DELETE, "/engine-rest/process-instance/" + pi + "/variables/team", null),
                "only when a task's form is submitted");
        assertRefused(call("manager.north", HttpMethod.PUT, "/engine-rest/execution/" + execution + "/localVariables/team",
                value("team-south")), "only when a task's form is submitted");
        assertRefused(call("manager.north", HttpMethod.POST, "/engine-rest/process-instance/" + pi + "/modification",
                Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", ReferralToAssessmentModel.Tasks.ALLOCATE_WORKER)))), "Only an administrator moves");
        assertRefused(call("manager.north", HttpMethod.POST, "/engine-rest/message",
                Map.of("messageName", LookedAfterReviewsModel.Messages.CEASED_LOOKED_AFTER, "businessKey", c.caseRef())),
                "sent by the system");
        assertRefused(call("manager.north", HttpMethod.POST, "/engine-rest/signal", Map.of("name", "anything")), "sent by the system");
        assertRefused(call("manager.north", HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/suspended",
                Map.of("suspended", true)), "Only an administrator changes");
        assertRefused(call("manager.north", HttpMethod.DELETE, "/engine-rest/process-instance/" + pi, null), "Only an administrator");

        assertThat(runtime.getVariable(pi, "teamManagers")).isEqualTo("manager.north");
        assertThat(runtime.getVariable(pi, "team")).isEqualTo("team-north");
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskCandidateUser("manager.south").count()).isZero();
    }

    @Test
    void jobsAndDeploymentsAreTheSystems() {
        ContactRegistered c = northCase();
        String job = drive.timer(c.processInstanceId(), ReferralToAssessmentModel.Elements.REFERRAL_DECISION_DUE).getId();
        String deployment = repository.createDeploymentQuery().list().get(0).getId();

        assertRefused(call("manager.north", HttpMethod.POST, "/engine-rest/job/" + job + "/execute", null), "run by the system");
        assertRefused(call("manager.north", HttpMethod.PUT, "/engine-rest/job/" + job + "/duedate",
                Map.of("duedate", "2030-01-01T00:00:00.000+0000")), "run by the system");
        assertRefused(call("manager.north", HttpMethod.PUT, "/engine-rest/job/" + job + "/retries", Map.of("retries", 3)),
                "run by the system");
        assertRefused(call("manager.north", HttpMethod.DELETE, "/engine-rest/deployment/" + deployment, null), "deployed by a release");
        assertThat(call("manager.north", HttpMethod.GET, "/engine-rest/job/" + job, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(drive.timer(c.processInstanceId(), ReferralToAssessmentModel.Elements.REFERRAL_DECISION_DUE).getId()).isEqualTo(job);
    }

    // ---- task form submissions -----------------------------------------------------------------

    @Test
    void aTaskFormCarriesOnlyItsFieldsAndLeavesItsReadOnlyFieldsAlone() {
        ContactRegistered c = northCase();
        Task task = decisionTask(c);
        String complete = "/engine-rest/task/" + task.getId() + "/complete";

        assertRefused(call("manager.north", HttpMethod.POST, complete, Map.of("variables", Map.of(
                "referralDecision", value("ACCEPT_REFERRAL"), "teamManagers", Map.of("value", "[\"manager.south\"]", "type", "Json")))),
                "'teamManagers' is not a field of this form");
        assertRefused(call("manager.north", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables",
                Map.of("referralDecision", value("ACCEPT_REFERRAL"), "caseRef", value("CSC-2026-999999")))),
                "'caseRef' is shown read-only");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();

        ResponseEntity<Map> done = call("manager.north", HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/submit-form",
                Map.of("variables", Map.of("referralDecision", value("ACCEPT_REFERRAL"), "caseRef", value(c.caseRef()),
                        "proposedResponse", value(runtime.getVariable(c.processInstanceId(), "proposedResponse")))));
        assertThat(done.getStatusCode().is2xxSuccessful()).as(String.valueOf(done.getBody())).isTrue();
    }

    // ---- task changes --------------------------------------------------------------------------

    @Test
    void onlyTheFollowUpDateOfATaskCanBeChanged() {
        ContactRegistered c = northCase();
        Task task = decisionTask(c);
        String path = "/engine-rest/task/" + task.getId();
        Map<String, Object> stored = call("manager.north", HttpMethod.GET, path, null).getBody();

        Map<String, Object> renamed = new HashMap<>(stored);
        renamed.put("name", "Nothing to see here");
        Map<String, Object> noDueDate = new HashMap<>(stored);
        noDueDate.put("due", null);
        Map<String, Object> owned = new HashMap<>(stored);
        owned.put("owner", "manager.south");
        Map<String, Object> onlyFollowUp = Map.of("followUp", "2026-12-02T09:00:00.000+0000");
        assertRefused(call("manager.north", HttpMethod.PUT, path, renamed), "Only a task's follow-up date");
        assertRefused(call("manager.north", HttpMethod.PUT, path, noDueDate), "Only a task's follow-up date");
        assertRefused(call("manager.north", HttpMethod.PUT, path, owned), "Only a task's follow-up date");
        assertRefused(call("manager.north", HttpMethod.PUT, path, onlyFollowUp), "Only a task's follow-up date");

        Map<String, Object> followUp = new HashMap<>(stored);
        followUp.remove("camundaFormRef"); // a read-only field the engine cannot take back (Tasklist leaves it out too)
        followUp.put("followUp", "2026-12-02T09:00:00.000+0000");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> updated = rest.withBasicAuth("manager.north", "demo").exchange(path, HttpMethod.PUT,
                new HttpEntity<>(followUp, json), String.class);
        assertThat(updated.getStatusCode()).as(String.valueOf(updated.getBody())).isEqualTo(HttpStatus.NO_CONTENT);

        Task after = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(after.getName()).isEqualTo(task.getName());
        assertThat(after.getDueDate()).isEqualTo(task.getDueDate());
        assertThat(after.getOwner()).isNull();
        assertThat(after.getFollowUpDate().toInstant()).isEqualTo(java.time.Instant.parse("2026-12-02T09:00:00Z"));
    }

    @Test
    void aTaskIsClaimedForOneselfAndItsCandidatesComeFromTheCase() {
        ContactRegistered c = northCase();
        Task task = decisionTask(c);
        String path = "/engine-rest/task/" + task.getId();

        assertRefused(call("manager.north", HttpMethod.POST, path + "/claim", Map.of("userId", "manager.south")), "for oneself");
        assertRefused(call("manager.north", HttpMethod.POST, path + "/assignee", Map.of("userId", "worker.north")), "to oneself only");
        assertRefused(call("manager.north", HttpMethod.POST, path + "/identity-links",
                Map.of("groupId", "team-south", "type", "candidate")), "comes from the case");
        assertRefused(call("manager.north", HttpMethod.POST, path + "/delegate", Map.of("userId", "worker.north")), "cannot be handed");
        assertRefused(call("manager.north", HttpMethod.POST, path + "/comment/create", Map.of("message", "Mother said ...")),
                "belong in the case file");
        assertRefused(call("manager.north", HttpMethod.POST, "/engine-rest/task/create", Map.of("name", "Extra work")),
                "created, changed and removed by the processes");
        assertRefused(call("manager.north", HttpMethod.DELETE, path, null), "created, changed and removed by the processes");

        assertThat(call("manager.north", HttpMethod.POST, path + "/claim", Map.of("userId", "manager.north")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertRefused(call("service.manager", HttpMethod.POST, path + "/unclaim", null), "Only the person a task is assigned to");
        assertRefused(call("service.manager", HttpMethod.POST, path + "/assignee", Map.of("userId", "service.manager")),
                "assigned to someone else");
        assertThat(call("manager.north", HttpMethod.POST, path + "/unclaim", null).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.getIdentityLinksForTask(task.getId())).noneMatch(l -> "team-south".equals(l.getGroupId()));
    }

    // ---- the webapps' own engine API and Cockpit's API -----------------------------------------

    @Test
    void theWebappsEngineApiHasTheSameDoor() {
        ContactRegistered c = northCase();
        Task task = decisionTask(c);
        WebappSession tasklist = WebappSession.login(rest, "manager.north", "tasklist");
        String base = "/camunda/api/engine/engine/default";

        ResponseEntity<Map> forged = rest.exchange(base + "/task/" + task.getId() + "/variables", HttpMethod.POST,
                new HttpEntity<>(Map.of("modifications", Map.of("team", value("team-south"))), tasklist.headers()), Map.class);
        ResponseEntity<String> read = rest.exchange(base + "/task/" + task.getId() + "/form-variables", HttpMethod.GET,
                new HttpEntity<>(tasklist.headers()), String.class);

        assertRefused(forged, "only when a task's form is submitted");
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(runtime.getVariable(c.processInstanceId(), "team")).isEqualTo("team-north");
    }

    @Test
    void cockpitsApiNeedsCockpitAccess() {
        String statistics = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count";
        WebappSession practitioner = WebappSession.login(rest, "worker.north", "tasklist");
        WebappSession manager = WebappSession.login(rest, "manager.north", "cockpit");

        ResponseEntity<Map> refused = rest.exchange(statistics, HttpMethod.GET, new HttpEntity<>(practitioner.headers()), Map.class);
        ResponseEntity<String> served = rest.exchange(statistics, HttpMethod.GET, new HttpEntity<>(manager.headers()), String.class);

        assertRefused(refused, "no Cockpit access");
        assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void anAdministratorIsNotStoppedAtTheDoor() {
        ContactRegistered c = northCase();
        Task task = decisionTask(c);

        ResponseEntity<Map> set = call("admin", HttpMethod.PUT, "/engine-rest/task/" + task.getId() + "/localVariables/note",
                value("set by an administrator"));

        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.getVariableLocal(task.getId(), "note")).isEqualTo("set by an administrator");
    }

    // ---- what Tasklist does, call by call -----------------------------------------------------

    @Test
    void tasklistsOwnCallsAreOpenToAPractitioner() {
        ContactRegistered c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", true, false, true, TestTime.now().toString()));
        Task task = drive.task(c.processInstanceId(), ReferralToAssessmentModel.Tasks.SOCIAL_CARE_CONTRIBUTION);
        String myTeam = filters.createFilterQuery().filterName("My team").singleResult().getId();
        WebappSession tasklist = WebappSession.login(rest, "worker.north", "tasklist");
        String base = "/camunda/api/engine/engine/default";
        HttpHeaders hal = tasklist.headers();
        hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));

        ResponseEntity<String> list = rest.exchange(base + "/filter/" + myTeam + "/list?firstResult=0&maxResults=15", HttpMethod.POST,
                // Narrowed to this task's instance, as Tasklist's search does: the shared database holds other tests' tasks.
                new HttpEntity<>(Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")),
                        "processInstanceId", task.getProcessInstanceId()), hal), String.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).contains(task.getId());
        for (String read : List.of("/filter?resourceType=Task&itemCount=false&maxResults=50", "/task/" + task.getId(), "/task/" + task.getId() + "/form",
                "/task/" + task.getId() + "/deployed-form", "/task/" + task.getId() + "/form-variables",
                "/task/" + task.getId() + "/identity-links", "/task/" + task.getId() + "/comment",
                "/history/user-operation?taskId=" + task.getId() + "&maxResults=50",
                "/process-definition/" + task.getProcessDefinitionId(), "/process-definition/" + task.getProcessDefinitionId() + "/xml",
                "/process-definition?latest=true&active=true&startableInTasklist=true&startablePermissionCheck=true&maxResults=15",
                "/process-definition/key/" + ReferralToAssessmentModel.PROCESS_ID + "/deployed-start-form",
                "/user/worker.north/profile", "/identity/groups?userId=worker.north")) {
            ResponseEntity<String> answer = rest.exchange(base + read, HttpMethod.GET, new HttpEntity<>(tasklist.headers()), String.class);
            assertThat(answer.getStatusCode()).as(read + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
        }

        ResponseEntity<String> claimed = rest.exchange(base + "/task/" + task.getId() + "/claim", HttpMethod.POST,
                new HttpEntity<>(Map.of("userId", "worker.north"), tasklist.headers()), String.class);
        Map<String, Object> stored = rest.exchange(base + "/task/" + task.getId(), HttpMethod.GET, new HttpEntity<>(tasklist.headers()),
                Map.class).getBody();
        stored.remove("camundaFormRef");
        stored.put("followUp", "2026-12-03T09:00:00.000+0000");
        ResponseEntity<String> followUp = rest.exchange(base + "/task/" + task.getId(), HttpMethod.PUT,
                new HttpEntity<>(stored, tasklist.headers()), String.class);
        ResponseEntity<String> submitted = rest.exchange(base + "/task/" + task.getId() + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", Map.of("caseRef", value(c.caseRef()), "information", value("Not known to us"),
                        "riskLevel", value("STANDARD"))), tasklist.headers()), String.class);

        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(followUp.getStatusCode()).as(followUp.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    @Test
    void cockpitsOwnQueriesAreTeamScopedToo() {
        ContactRegistered north = northCase();
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(ReferralToAssessmentModel.PROCESS_ID)
                .latestVersion().singleResult().getId();
        String query = "/camunda/api/cockpit/plugin/base/default/process-instance?firstResult=0&maxResults=2000";

        WebappSession south = WebappSession.login(rest, "manager.south", "cockpit");
        WebappSession northManager = WebappSession.login(rest, "manager.north", "cockpit");
        ResponseEntity<String> seenBySouth = rest.exchange(query, HttpMethod.POST,
                new HttpEntity<>(Map.of("processDefinitionId", definition), south.headers()), String.class);
        ResponseEntity<String> seenByNorth = rest.exchange(query, HttpMethod.POST,
                new HttpEntity<>(Map.of("processDefinitionId", definition), northManager.headers()), String.class);

        assertThat(seenBySouth.getStatusCode()).as(seenBySouth.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(seenBySouth.getBody()).doesNotContain(north.processInstanceId());
        assertThat(seenByNorth.getBody()).contains(north.processInstanceId());
    }
}
