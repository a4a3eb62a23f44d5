package uk.csc.workflow.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import uk.csc.workflow.referral.ReferralToAssessmentModel.Tasks;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * What an agency member of a multi-agency child protection team reaches through Tasklist's engine API and /api:
 * the contribution task they are given with what it needs (its card and context: who the child is), and nothing else
 * of the case (no case file, no instance, no other task) and nothing of another case.
 */
@PostgresIntegrationTest
class MultiAgencyTeamSecurityTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    MultiAgencyChildProtectionSetting setting;

    @BeforeEach
    void pinned() {
        at("2026-12-22T09:00");
    }

    @AfterEach
    void settingOff() {
        setting.switchTo(false);
    }

    private ContactRegistered atStrategyDiscussion() {
        ContactRegistered c = drive.receive(ReferralDriver.contact("SIGNIFICANT_HARM", false, true, true, "2026-12-22T08:30:00Z"));
        drive.asManager(c.processInstanceId(), Tasks.RECORD_REFERRAL_DECISION, Map.of("referralDecision", "STRATEGY_DISCUSSION",
                "decisionReason", "Significant harm suspected"));
        drive.asManager(c.processInstanceId(), Tasks.ALLOCATE_WORKER, Map.of("allocatedWorker", "worker.north"));
        return c;
    }

    private List<Map<String, Object>> tasksSeenBy(String user, String query) {
        return rest.withBasicAuth(user, "demo").exchange("/engine-rest/task" + query, HttpMethod.GET, null, LIST).getBody();
    }

    private HttpStatus status(String user, String path) {
        return HttpStatus.valueOf(rest.withBasicAuth(user, "demo").getForEntity(path, String.class).getStatusCode().value());
    }

    @Test
    void aPoliceMemberSeesTheirContributionTaskButNotTheCaseFileNorAnotherCasesTasks() {
        setting.switchTo(true);
        ContactRegistered theirs = atStrategyDiscussion();
        setting.switchTo(false);
        ContactRegistered another = atStrategyDiscussion();

        // Their case: the police contribution only, not the health or education members' tasks.
        List<Map<String, Object>> onTheirCase = tasksSeenBy("mact.police", "?processInstanceId=" + theirs.processInstanceId());
        assertThat(onTheirCase).extracting(t -> t.get("taskDefinitionKey")).containsExactly(Tasks.POLICE_STRATEGY_CONTRIBUTION);
        // Another case (the setting off there): nothing, and nothing anywhere but police contributions.
        assertThat(tasksSeenBy("mact.police", "?processInstanceId=" + another.processInstanceId())).isEmpty();
        assertThat(tasksSeenBy("mact.police", "")).extracting(t -> t.get("taskDefinitionKey")).isNotEmpty()
                .allMatch(key -> key.equals(Tasks.POLICE_STRATEGY_CONTRIBUTION) || key.equals(Tasks.POLICE_S47_CONTRIBUTION));
        assertThat(tasksSeenBy("mact.police", "")).extracting(t -> t.get("processInstanceId")).doesNotContain(another.processInstanceId());
        // The health member sees their own task on the case, not the police member's.
        assertThat(tasksSeenBy("mact.health", "?processInstanceId=" + theirs.processInstanceId()))
                .extracting(t -> t.get("taskDefinitionKey")).containsExactly(Tasks.HEALTH_STRATEGY_CONTRIBUTION);

        // Not the case file, the case, its chronology or its process instance.
        assertThat(status("mact.police", "/api/cases/" + theirs.caseRef() + "/file")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("mact.police", "/api/cases/" + theirs.caseRef())).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("mact.police", "/api/cases/" + theirs.caseRef() + "/chronology")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("mact.police", "demo").exchange("/engine-rest/process-instance?businessKey=" + theirs.caseRef(),
                HttpMethod.GET, null, LIST).getBody()).isEmpty();
        // What the task needs: its card and context name the child and the case (audited); not those of a task given to
        // another agency on the same case.
        String taskId = (String) onTheirCase.get(0).get("id");
        String healthTask = (String) tasksSeenBy("mact.health", "?processInstanceId=" + theirs.processInstanceId()).get(0).get("id");
        List<Map<String, Object>> cards = rest.withBasicAuth("mact.police", "demo").exchange("/api/tasks/cards?ids=" + taskId + ","
                + healthTask, HttpMethod.GET, null, LIST).getBody();
        assertThat(cards).extracting(card -> card.get("taskId")).containsExactly(taskId);
        assertThat(cards.get(0)).containsEntry("caseRef", theirs.caseRef());
        assertThat((String) cards.get(0).get("childName")).startsWith("Test");
        var context = rest.withBasicAuth("mact.police", "demo").getForEntity("/api/tasks/" + taskId + "/context", Map.class);
        assertThat(context.getStatusCode().value()).isEqualTo(200);
        assertThat(context.getBody()).containsEntry("caseRef", theirs.caseRef()).containsEntry("kind", "OTHER");
        assertThat(status("mact.police", "/api/tasks/" + healthTask + "/context")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("mact.police", "/api/tasks/" + drive.task(another.processInstanceId(), Tasks.HOLD_STRATEGY_DISCUSSION).getId()
                + "/context")).isEqualTo(HttpStatus.FORBIDDEN);

        // The lead practitioner is of the case's team and reads its file.
        assertThat(status("lead.cp", "/api/cases/" + theirs.caseRef() + "/file")).isEqualTo(HttpStatus.OK);

        // The police member completes their task through the engine API, as Tasklist does.
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        var done = rest.withBasicAuth("mact.police", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                new HttpEntity<>(Map.of("variables", Map.of("information", Map.of("value", "Known to the police: two call-outs"),
                        "riskLevel", Map.of("value", "HIGH"))), json), String.class);
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(tasksSeenBy("mact.police", "?processInstanceId=" + theirs.processInstanceId())).isEmpty();
    }
}
