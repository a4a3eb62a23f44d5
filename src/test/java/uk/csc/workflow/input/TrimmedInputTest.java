package uk.csc.workflow.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.input.Http.Answer;
import uk.csc.workflow.input.Http.Request;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/** Input is trimmed once, before it is checked and stored: a padded value that is valid is accepted, and stored without the padding. */
@PostgresIntegrationTest
class TrimmedInputTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    Journeys journeys;

    @Test
    void aContactWithPaddedValuesIsStoredTrimmedAndNormalised() {
        Map<String, Object> child = Journeys.values("firstName", "  Padded ", "lastName", "\tChild\n", "dateOfBirth",
                TestTime.bornYearsAgo(4).toString(), "sex", " F ", "ethnicity", " WBRI", "postcode", " b23 6ab ",
                "nhsNumber", " 943 476 5919 ", "upn", "  a12345678901b \t");
        Answer answer = new Http(rest).send(Request.json(HttpMethod.POST, "/api/contacts", "worker.north", Journeys.values("child", child,
                "referralSource", " 3A ", "receivedAt", TestTime.now().minusHours(1).toString(), "concerns", "  Weight loss  ",
                "concernLevel", " CHILD_IN_NEED ", "dvNotification", false, "consent", true, "teamOverride", " team-north ")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String caseRef = answer.json().path("caseRef").asText();
        assertThat(jdbc.queryForMap("""
                SELECT ch.first_name, ch.last_name, ch.sex, ch.ethnicity, ch.postcode, ch.nhs_number, ch.upn, co.concerns,
                       co.referral_source, co.concern_level
                FROM care_case c JOIN child ch ON ch.id = c.child_id JOIN contact co ON co.case_id = c.id WHERE c.case_ref = ?""", caseRef))
                .containsEntry("first_name", "Padded").containsEntry("last_name", "Child").containsEntry("sex", "F")
                .containsEntry("ethnicity", "WBRI").containsEntry("postcode", "B23 6AB").containsEntry("nhs_number", "9434765919")
                .containsEntry("upn", "A12345678901B").containsEntry("concerns", "Weight loss").containsEntry("referral_source", "3A")
                .containsEntry("concern_level", "CHILD_IN_NEED");
    }

    @Test
    void aTaskFormsPaddedTextIsStoredTrimmedAndAFullLengthTextFitsItsColumn() {
        ContactRegistered c = journeys.receive("CHILD_IN_NEED", false, TestTime.now().minusHours(1));
        String task = tasks.createTaskQuery().processInstanceId(c.processInstanceId())
                .taskDefinitionKey(ReferralToAssessmentModel.Tasks.RECORD_REFERRAL_DECISION).singleResult().getId();
        String reason = "r".repeat(2000);

        Answer done = new Http(rest).send(Request.json(HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form", "manager.north",
                Map.of("variables", Http.variables(Map.of("referralDecision", "  ACCEPT_REFERRAL ", "decisionReason", "  " + reason + "\n ")))));

        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(jdbc.queryForMap("SELECT decision, decision_reason FROM contact WHERE id = ?", c.contactId()))
                .containsEntry("decision", "ACCEPT_REFERRAL").containsEntry("decision_reason", reason);
    }
}
