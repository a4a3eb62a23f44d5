package uk.csc.workflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import uk.csc.workflow.support.PostgresIntegrationTest;

/** Authentication and authorization through the real HTTP stack, Camunda's REST API included. */
@PostgresIntegrationTest
class SecurityIntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.AuthorizationService authorizationService;
    @Autowired
    uk.csc.workflow.platform.security.CaseAccess caseAccess;


    private Deployment teamProcess;

    @AfterEach
    void removeTestProcess() {
        if (teamProcess != null) {
            repositoryService.deleteDeployment(teamProcess.getId(), true);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-definition", "/api/timescales",
            "/api/timescales/ICPC?from=2026-12-15"})
    void everyApiNeedsCredentials(String path) {
        ResponseEntity<String> answer = rest.getForEntity(path, String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // No Basic challenge: a browser would show its login dialog and then replay the
        // credentials on every request, other sites' forged ones included.
        assertThat(answer.getHeaders().get("WWW-Authenticate")).isNull();
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(answer.getBody()).contains("\"message\":\"Sign in to use this API\"");
    }

    @Test
    void aWrongPasswordGetsJsonAndNoChallengeEither() {
        ResponseEntity<String> answer = rest.withBasicAuth("worker.north", "not-the-password")
                .postForEntity("/api/contacts", Map.of(), String.class);
        ResponseEntity<String> actuator = rest.getForEntity("/actuator/prometheus", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().get("WWW-Authenticate")).isNull();
        assertThat(answer.getBody()).contains("The user name or password is wrong");
        assertThat(actuator.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(actuator.getHeaders().get("WWW-Authenticate")).isNull();
    }

    @Test
    void scriptsFromAWebappGetNoLoginDialog() {
        var headers = new org.springframework.http.HttpHeaders();
        headers.set("X-Requested-With", "XMLHttpRequest");

        ResponseEntity<String> answer = rest.exchange("/api/timescales", HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getHeaders().getFirst("WWW-Authenticate")).isNull();
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(rest.withBasicAuth("worker.north", "not-the-password").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestAnswersWithCredentials() {
        ResponseEntity<List> tasks = rest.withBasicAuth("worker.north", "demo").getForEntity("/engine-rest/task", List.class);

        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPractitionerCannotUseAdministrationApis() {
        var newUser = Map.of("profile", Map.of("id", "intruder", "firstName", "I", "lastName", "N"),
                "credentials", Map.of("password", "a-long-password-1"));

        ResponseEntity<String> createUser = rest.withBasicAuth("worker.north", "demo")
                .postForEntity("/engine-rest/user/create", newUser, String.class);
        ResponseEntity<String> grant = rest.withBasicAuth("worker.north", "demo").postForEntity("/engine-rest/authorization/create",
                Map.of("type", 1, "permissions", List.of("ALL"), "userId", "worker.north", "resourceType", 0, "resourceId", "*"),
                String.class);

        assertThat(createUser.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(grant.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void theAdministratorCanAdminister() {
        ResponseEntity<List> users = rest.withBasicAuth("admin", "demo").getForEntity("/engine-rest/user", List.class);

        assertThat(users.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(users.getBody()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void demoUsersAreInTheirRoleAndTeamGroups() {
        Map<String, List<String>> expected = Map.of(
                "admin", List.of("camunda-admin"),
                "worker.north", List.of("practitioner", "team-north"),
                "worker.south", List.of("practitioner", "team-south"),
                "manager.north", List.of("team-manager", "team-north"),
                "manager.south", List.of("team-manager", "team-south"),
                "service.manager", List.of("service-manager"),
                "panel.chair", List.of("panel-chair"),
                "iro", List.of("iro"),
                "mash.police", List.of("mash"),
                "mash.health", List.of("mash"));

        expected.forEach((user, groups) -> {
            assertThat(identityService.checkPassword(user, "demo")).as(user + " signs in with demo").isTrue();
            assertThat(identityService.createGroupQuery().groupMember(user).list()).extracting(Group::getId)
                    .as(user).containsExactlyInAnyOrderElementsOf(groups);
        });
    }

    /** A process of a case as its starter opens it: readable by its team and the service managers. */
    private void startTeamTask(String businessKey, String team) {
        String pi = runtimeService.startProcessInstanceByKey("teamTask", businessKey, Map.of("team", team)).getId();
        caseAccess.open(pi, team, List.of("service-manager"));
    }

    @Test
    void practitionersSeeTheirOwnTeamsTasksOnly() {
        teamProcess = repositoryService.createDeployment().name("security-test")
                .addClasspathResource("test-processes/teamTask.bpmn").deploy();
        startTeamTask("SEC-NORTH", "team-north");
        startTeamTask("SEC-SOUTH", "team-south");

        assertThat(taskBusinessKeysSeenBy("worker.north")).containsExactly("SEC-NORTH");
        assertThat(taskBusinessKeysSeenBy("worker.south")).containsExactly("SEC-SOUTH");
        assertThat(taskBusinessKeysSeenBy("manager.north")).containsExactly("SEC-NORTH");
        assertThat(taskBusinessKeysSeenBy("service.manager")).containsExactlyInAnyOrder("SEC-NORTH", "SEC-SOUTH");
        assertThat(taskBusinessKeysSeenBy("mash.police")).isEmpty();
    }

    @Test
    void instancesAreReadByTheirCasesTeamAndTheServiceManagersOnly() {
        teamProcess = repositoryService.createDeployment().name("security-test")
                .addClasspathResource("test-processes/teamTask.bpmn").deploy();
        startTeamTask("SEC-COCKPIT", "team-north");
        runtimeService.startProcessInstanceByKey("teamTask", "SEC-NO-CASE", Map.of("team", "team-north"));

        assertThat(instancesSeenBy("manager.north")).containsExactly("SEC-COCKPIT");
        assertThat(instancesSeenBy("worker.north")).containsExactly("SEC-COCKPIT");
        assertThat(instancesSeenBy("service.manager")).containsExactly("SEC-COCKPIT");
        assertThat(instancesSeenBy("manager.south")).isEmpty();
        assertThat(instancesSeenBy("panel.chair")).isEmpty();
        assertThat(instancesSeenBy("admin")).containsExactlyInAnyOrder("SEC-COCKPIT", "SEC-NO-CASE");
    }

    @Test
    void noRoleHoldsABroadGrantOnCaseData() {
        for (String group : List.of("practitioner", "team-manager", "service-manager", "panel-chair", "iro", "mash",
                "team-north", "team-south")) {
            for (var resource : List.of(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE,
                    org.camunda.bpm.engine.authorization.Resources.TASK,
                    org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE,
                    org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK)) {
                assertThat(authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                        .resourceId("*").hasPermission(org.camunda.bpm.engine.authorization.Permissions.READ).count())
                        .as(group + " reads every " + resource.resourceName()).isZero();
            }
            assertThat(authorizationService.createAuthorizationQuery().groupIdIn(group)
                    .resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION).list())
                    .as(group + " reads instances or history of a whole definition")
                    .noneMatch(a -> a.isPermissionGranted(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE)
                            || a.isPermissionGranted(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK)
                            || a.isPermissionGranted(org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY));
        }
    }

    @Test
    void aPluginCallToTheApiKeepsTheWebappSession() {
        // Cockpit's own login: the page gives the session and its XSRF token, Camunda's login endpoint signs in.
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/cockpit/default/", String.class);
        String xsrf = cookie(page, "XSRF-TOKEN");
        HttpHeaders login = new HttpHeaders();
        login.add(HttpHeaders.COOKIE, "JSESSIONID=" + cookie(page, "JSESSIONID") + "; XSRF-TOKEN=" + xsrf);
        login.set("X-XSRF-TOKEN", xsrf);
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> signedIn = rest.exchange("/camunda/api/admin/auth/user/default/login/cockpit", HttpMethod.POST,
                new HttpEntity<>("username=manager.north&password=demo", login), String.class);
        assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.OK);
        String session = cookie(signedIn, "JSESSIONID");

        HttpHeaders plugin = new HttpHeaders();
        plugin.add(HttpHeaders.COOKIE, "JSESSIONID=" + session + "; XSRF-TOKEN=" + xsrf);
        plugin.set("X-Requested-With", "XMLHttpRequest");
        plugin.set("X-XSRF-TOKEN", xsrf);
        ResponseEntity<String> api = rest.exchange("/api/timescales", HttpMethod.GET, new HttpEntity<>(plugin), String.class);

        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)).noneMatch(c -> c.startsWith("JSESSIONID="));
        // Cockpit's next call, with the session it has, still works.
        ResponseEntity<String> cockpit = rest.exchange("/camunda/api/engine/engine/default/user/manager.north/profile",
                HttpMethod.GET, new HttpEntity<>(plugin), String.class);
        assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static String cookie(ResponseEntity<?> response, String name) {
        return response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1).split(";", 2)[0])
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.getHeaders()));
    }

    private List<String> taskBusinessKeysSeenBy(String user) {
        ResponseEntity<List<Map<String, Object>>> tasks = rest.withBasicAuth(user, "demo").exchange(
                "/engine-rest/task?processDefinitionKey=teamTask", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        return tasks.getBody().stream()
                .map(t -> runtimeService.createProcessInstanceQuery()
                        .processInstanceId((String) t.get("processInstanceId")).singleResult().getBusinessKey())
                .toList();
    }

    private List<String> instancesSeenBy(String user) {
        ResponseEntity<List<Map<String, Object>>> instances = rest.withBasicAuth(user, "demo").exchange(
                "/engine-rest/process-instance?processDefinitionKey=teamTask", HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(instances.getStatusCode()).isEqualTo(HttpStatus.OK);
        return instances.getBody().stream().map(i -> (String) i.get("businessKey")).toList();
    }
}
