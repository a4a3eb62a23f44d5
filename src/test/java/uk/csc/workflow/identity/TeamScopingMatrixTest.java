package uk.csc.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.referral.process.FrontDoor;
import uk.csc.workflow.review.LookedAfterReviewsModel;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * Team scoping, role by team, through both APIs. Four process instances of three cases: a referral
 * in Team North and one in Team South (both with police notifications, so the screening team has
 * tasks), and a Team North child admitted in an emergency, with its panel process and its period
 * of care. For every demo user and every instance, each engine REST read (instance list and
 * variables, task list and variables, historic instance, historic variables with and without the
 * deleted ones, jobs) and the case API's summary either answers with the case's data or refuses
 * (403) or filters it out (an empty list). Nothing is granted to a role as a whole: each cell
 * follows from the case's team and the process's city-wide readers. The screening team reads the
 * screening tasks it is given (and through them, as the engine has it, the process's variables),
 * not the instance, its other tasks or its jobs.
 */
@PostgresIntegrationTest
class TeamScopingMatrixTest {

    private static final List<String> USERS = List.of("worker.north", "worker.south", "manager.north", "manager.south",
            "service.manager", "panel.chair", "iro", "mash.police", "admin");
    private static final Set<String> CITY_WIDE_ON_THE_API = Set.of("service.manager", "panel.chair", "iro", "admin");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    FrontDoor frontDoor;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    /** One process instance in the matrix: whose it is and who reads it in the engine. */
    record Instance(String name, String caseRef, String team, String processInstanceId, String taskId,
                    Set<String> engineReaders, Set<String> taskReaders) {
    }

    private static List<Instance> instances;

    @BeforeEach
    void casesOfBothTeams() {
        if (instances != null) {
            return;
        }
        ContactRegistered north = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", true, false, true, TestTime.now().toString()));
        ContactRegistered south = frontDoor.receive(southContact(), new CurrentUser("worker.south",
                Set.of(Groups.PRACTITIONER, Groups.TEAM_SOUTH)));
        ContactRegistered inCare = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true,
                TestTime.now().minusHours(2).toString()));
        String panel = emergencyAdmission(inCare);
        String care = runtime.createProcessInstanceQuery().processDefinitionKey(LookedAfterReviewsModel.PROCESS_ID)
                .processInstanceBusinessKey(inCare.caseRef()).singleResult().getId();

        Set<String> north4 = Set.of("worker.north", "manager.north", "service.manager", "admin");
        Set<String> south4 = Set.of("worker.south", "manager.south", "service.manager", "admin");
        instances = List.of(
                new Instance("north referral", north.caseRef(), Groups.TEAM_NORTH, north.processInstanceId(),
                        screeningTask(north.processInstanceId()), north4, plus(north4, "mash.police")),
                new Instance("south referral", south.caseRef(), Groups.TEAM_SOUTH, south.processInstanceId(),
                        screeningTask(south.processInstanceId()), south4, plus(south4, "mash.police")),
                new Instance("north panel", inCare.caseRef(), Groups.TEAM_NORTH, panel, anyTask(panel),
                        plus(north4, "panel.chair"), plus(north4, "panel.chair")),
                new Instance("north period of care", inCare.caseRef(), Groups.TEAM_NORTH, care, anyTask(care),
                        plus(north4, "iro"), plus(north4, "iro")));
        for (Instance instance : instances) {
            assertThat(management.createJobQuery().processInstanceId(instance.processInstanceId()).count())
                    .as("jobs of the " + instance.name()).isPositive();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRoleReadsItsTeamsCasesOnly() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Instance instance : instances) {
            for (String user : USERS) {
                boolean reads = instance.engineReaders().contains(user);
                boolean readsTask = instance.taskReaders().contains(user);
                boolean readsCase = CITY_WIDE_ON_THE_API.contains(user) || teamOf(user).equals(instance.team());
                String pi = instance.processInstanceId();
                cells.add(listCell(user, instance, "process-instance list", "/engine-rest/process-instance?processInstanceIds=" + pi, reads));
                cells.add(statusCell(user, instance, "process-instance variables", "/engine-rest/process-instance/" + pi + "/variables", reads));
                cells.add(DynamicTest.dynamicTest(cellName(user, instance, "task list", readsTask), () -> {
                    List<Map<String, Object>> seen = list(user, "/engine-rest/task?processInstanceId=" + pi);
                    if (readsTask) {
                        assertThat(seen).extracting(t -> t.get("id")).contains(instance.taskId());
                    } else {
                        assertThat(seen).isEmpty();
                    }
                }));
                cells.add(statusCell(user, instance, "task variables", "/engine-rest/task/" + instance.taskId() + "/variables", readsTask));
                cells.add(listCell(user, instance, "history process-instance", "/engine-rest/history/process-instance?processInstanceId=" + pi, reads));
                // The engine lets whoever reads one of an instance's tasks read its historic variables, as
                // GET /task/{id}/variables shows the process's variables through the task.
                cells.add(listCell(user, instance, "history variable-instance", "/engine-rest/history/variable-instance?processInstanceId=" + pi, readsTask));
                cells.add(listCell(user, instance, "history variable-instance includeDeleted",
                        "/engine-rest/history/variable-instance?includeDeleted=true&processInstanceId=" + pi, readsTask));
                cells.add(listCell(user, instance, "jobs", "/engine-rest/job?processInstanceId=" + pi, reads));
                cells.add(statusCell(user, instance, "GET /api/cases/{ref}", "/api/cases/" + instance.caseRef(), readsCase));
            }
        }
        assertThat(cells).hasSize(instances.size() * USERS.size() * 9);
        return cells.stream();
    }

    private DynamicTest listCell(String user, Instance instance, String what, String path, boolean allowed) {
        return DynamicTest.dynamicTest(cellName(user, instance, what, allowed), () -> {
            List<Map<String, Object>> seen = list(user, path);
            if (allowed) {
                assertThat(seen).as(user + " " + path).isNotEmpty();
            } else {
                assertThat(seen).as(user + " " + path).isEmpty();
            }
        });
    }

    private DynamicTest statusCell(String user, Instance instance, String what, String path, boolean allowed) {
        return DynamicTest.dynamicTest(cellName(user, instance, what, allowed), () -> {
            ResponseEntity<String> answer = rest.withBasicAuth(user, "demo").getForEntity(path, String.class);
            assertThat(answer.getStatusCode()).as(user + " " + path)
                    .isEqualTo(allowed ? HttpStatus.OK : HttpStatus.FORBIDDEN);
        });
    }

    private static String cellName(String user, Instance instance, String what, boolean allowed) {
        return instance.name() + " | " + user + " | " + what + " | " + (allowed ? "served" : "refused or filtered out");
    }

    private List<Map<String, Object>> list(String user, String path) {
        ResponseEntity<List<Map<String, Object>>> answer = rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null,
                new org.springframework.core.ParameterizedTypeReference<>() { });
        assertThat(answer.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static String teamOf(String user) {
        return user.endsWith(".north") ? Groups.TEAM_NORTH : user.endsWith(".south") ? Groups.TEAM_SOUTH : "";
    }

    private static Set<String> plus(Set<String> users, String more) {
        var all = new java.util.HashSet<>(users);
        all.add(more);
        return Set.copyOf(all);
    }

    private String screeningTask(String pi) {
        return drive.task(pi, ReferralToAssessmentModel.Tasks.POLICE_CONTRIBUTION).getId();
    }

    private String anyTask(String pi) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi).list();
        assertThat(open).as("open tasks of " + pi).isNotEmpty();
        return open.get(0).getId();
    }

    private static ContactRequest southContact() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        var child = new ContactRequest.Child("South" + unique, "Child", TestTime.bornYearsAgo(9), null, "M", "WBRI",
                "B12 9AA", null, null);
        return new ContactRequest(child, "6", TestTime.now(), "Police attended a domestic incident", "CHILD_IN_NEED", false,
                true, true, null);
    }

    /** A team manager asks the panel after a police protection; the worker records the placement at once. */
    private String emergencyAdmission(ContactRegistered c) {
        Map<String, Object> request = new HashMap<>(Map.of("requestReason", "Mother unable to keep the child safe",
                "proposal", "S20_ACCOMMODATION", "riskSummary", "Neglect; repeated missed health appointments",
                "familyOptions", "Grandmother assessed: not able to care", "emergencyAdmission", "POLICE_PROTECTION",
                "emergencyOn", TestTime.today().minusDays(1).toString()));
        ResponseEntity<Map> asked = rest.withBasicAuth("manager.north", "demo")
                .postForEntity("/api/cases/" + c.caseRef() + "/panel-requests", request, Map.class);
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String pi = (String) asked.getBody().get("processInstanceId");
        Map<String, Object> placement = new LinkedHashMap<>(Map.of("placementStartOn", TestTime.today().minusDays(1).toString(),
                "legalStatus", "L1", "placementType", "U6", "placementProvider", "PR4",
                "preferenceReason", "Out of hours: the only carer available"));
        drive.asWorker(pi, ReceptionIntoCarePanelModel.Tasks.RECORD_EMERGENCY_PLACEMENT, placement);
        return pi;
    }
}
