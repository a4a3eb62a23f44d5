package uk.csc.workflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/** GET /api/audit: the trail of a case, newest first and paged, for the roles that may read it; reading it is audited too. */
@PostgresIntegrationTest
class AuditApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    JdbcTemplate jdbc;

    private ContactRegistered aCaseReadTwice() {
        ContactRegistered c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().minusHours(1).toString()));
        rest.withBasicAuth("worker.north", "demo").getForEntity("/api/cases/" + c.caseRef(), String.class);
        rest.withBasicAuth("manager.north", "demo").getForEntity("/api/cases/" + c.caseRef() + "/timescales", String.class);
        return c;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(ResponseEntity<Map> page) {
        return (List<Map<String, Object>>) page.getBody().get("events");
    }

    @Test
    void theServiceManagerReadsACasesTrailNewestFirstAPageAtATime() {
        ContactRegistered c = aCaseReadTwice();

        ResponseEntity<Map> all = rest.withBasicAuth("service.manager", "demo").getForEntity("/api/audit?caseRef=" + c.caseRef(), Map.class);

        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(all.getBody()).containsEntry("caseRef", c.caseRef()).containsEntry("page", 0).containsEntry("size", 50)
                .containsEntry("total", 3);
        assertThat(events(all)).extracting(e -> e.get("userId") + " " + e.get("action") + " " + e.get("detail"))
                .containsExactly("manager.north READ timescales", "worker.north READ summary", "worker.north CREATE case opened; new child");
        assertThat(events(all)).allSatisfy(e -> assertThat(e).containsEntry("subjectRef", c.caseRef()).containsKey("occurredAt"));

        ResponseEntity<Map> second = rest.withBasicAuth("service.manager", "demo")
                .getForEntity("/api/audit?caseRef=" + c.caseRef() + "&page=1&size=2", Map.class);
        // The first read of the trail is now on it too (newest): page 1 of size 2 holds the two oldest entries.
        assertThat(second.getBody()).containsEntry("total", 4);
        assertThat(events(second)).extracting(e -> e.get("detail")).containsExactly("summary", "case opened; new child");
    }

    @Test
    void readingTheTrailIsAuditedAndOnlyServiceManagersAdministratorsAndAuditorsMayRead() {
        ContactRegistered c = aCaseReadTwice();

        for (String user : List.of("service.manager", "admin", "auditor")) {
            assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/audit?caseRef=" + c.caseRef(), Map.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.OK);
        }
        for (String user : List.of("worker.north", "manager.north", "panel.chair", "iro")) {
            ResponseEntity<Map> refused = rest.withBasicAuth(user, "demo").getForEntity("/api/audit?caseRef=" + c.caseRef(), Map.class);
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat((List<?>) refused.getBody().get("problems")).isNotEmpty();
        }
        assertThat(rest.withBasicAuth("auditor", "demo").getForEntity("/api/cases/" + c.caseRef(), String.class).getStatusCode())
                .as("an auditor reads the trail, not the case").isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(jdbc.queryForList("SELECT user_id || ' ' || detail FROM audit_event WHERE subject_type = 'AUDIT' AND subject_ref = ?",
                String.class, c.caseRef())).contains("service.manager audit trail page 0 (3 entries)", "admin audit trail page 0 (4 entries)",
                "auditor audit trail page 0 (5 entries)", "worker.north refused: audit trail", "iro refused: audit trail");
    }

    @Test
    void theWholeTrailWithoutACaseAndBadParametersAreRefused() {
        aCaseReadTwice();
        ResponseEntity<Map> whole = rest.withBasicAuth("auditor", "demo").getForEntity("/api/audit?size=5", Map.class);
        assertThat(whole.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(events(whole)).hasSize(5);
        assertThat(whole.getBody()).containsEntry("caseRef", null);

        for (String query : List.of("page=-1", "size=0", "size=201", "page=x", "caseRef=")) {
            assertThat(rest.withBasicAuth("auditor", "demo").getForEntity("/api/audit?" + query, String.class).getStatusCode())
                    .as(query).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(rest.withBasicAuth("auditor", "demo").getForEntity("/api/audit?caseRef=CSC-1999-000001", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
