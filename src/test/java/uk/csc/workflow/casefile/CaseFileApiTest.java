package uk.csc.workflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.review.LookedAfterDriver;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * The case file over HTTP on PostgreSQL: who the child is, the people and professionals around
 * them, alerts first, legal status, placement and open deadlines; validation, team scoping, the
 * panel chair's and IRO's remits, and the audit of every read and change.
 */
@PostgresIntegrationTest
class CaseFileApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    LookedAfterDriver care;
    @Autowired
    JdbcTemplate jdbc;

    private ContactRegistered northCase() {
        return drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, TestTime.now().minusHours(1).toString()));
    }

    private ResponseEntity<Map> post(String user, String path, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo").postForEntity(path, body, Map.class);
    }

    private ResponseEntity<Map> file(String user, String caseRef) {
        return rest.withBasicAuth(user, "demo").getForEntity("/api/cases/" + caseRef + "/file", Map.class);
    }

    private static List<String> fields(ResponseEntity<Map> answer) {
        return ((List<Map<String, String>>) answer.getBody().get("problems")).stream().map(p -> p.get("field")).toList();
    }

    @Test
    void theFileShowsTheChildThePeopleAndProfessionalsAroundThemAndAlertsFirst() {
        ContactRegistered c = northCase();
        String ref = c.caseRef();
        Map<String, Object> mother = new HashMap<>(Map.of("name", "Sara Child", "relationship", "MOTHER",
                "parentalResponsibility", true, "livesWithChild", true, "phone", "07700 900123"));
        ResponseEntity<Map> added = post("worker.north", "/api/cases/" + ref + "/people", mother);
        post("worker.north", "/api/cases/" + ref + "/people", Map.of("name", "Tom Child", "relationship", "SIBLING",
                "parentalResponsibility", "no", "livesWithChild", "yes", "dateOfBirth", TestTime.bornYearsAgo(12).toString()));
        post("worker.north", "/api/cases/" + ref + "/professionals", Map.of("role", "GP", "name", "Dr Patel",
                "organisation", "Erdington Medical Centre", "phone", "0121 496 0000", "email", "reception@example.org"));
        post("manager.north", "/api/cases/" + ref + "/professionals", Map.of("role", "SCHOOL", "organisation", "Short Heath Primary"));
        post("worker.north", "/api/cases/" + ref + "/alerts", Map.of("kind", "RISK_TO_STAFF",
                "text", "Father has threatened staff: visit in pairs"));
        ResponseEntity<Map> details = rest.withBasicAuth("worker.north", "demo").exchange("/api/cases/" + ref + "/child", HttpMethod.PUT,
                new HttpEntity<>(Map.of("address", "12 Short Heath Road, Birmingham", "firstLanguage", "URD",
                        "disabilities", List.of("COMM", "LD"))), Map.class);

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody()).containsEntry("relationship", Map.of("code", "MOTHER", "label", "Mother"))
                .containsEntry("parentalResponsibility", true).containsEntry("addedBy", "worker.north");
        assertThat(details.getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> raw = rest.withBasicAuth("worker.north", "demo").getForEntity("/api/cases/" + ref + "/file", String.class);
        assertThat(raw.getBody().indexOf("\"alerts\"")).as("alerts before the child").isLessThan(raw.getBody().indexOf("\"child\""));
        Map<String, Object> file = file("worker.north", ref).getBody();
        assertThat(file).containsEntry("caseRef", ref).containsEntry("team", Map.of("code", "team-north", "label", "Team North"))
                .containsEntry("stage", Map.of("code", "REFERRAL_DECISION", "label", "Awaiting the referral decision"));
        assertThat((List<Map<String, Object>>) file.get("alerts")).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("kind", Map.of("code", "RISK_TO_STAFF", "label", "Risk to staff")).containsEntry("raisedBy", "worker.north")
                .containsKey("raisedAt"));
        Map<String, Object> child = (Map<String, Object>) file.get("child");
        assertThat(child).containsEntry("ethnicity", Map.of("code", "WBRI", "label", "White British"))
                .containsEntry("sex", Map.of("code", "F", "label", "Female")).containsEntry("postcode", "B23 6AB")
                .containsEntry("address", "12 Short Heath Road, Birmingham")
                .containsEntry("firstLanguage", Map.of("code", "URD", "label", "Urdu"))
                .containsEntry("disabilities", List.of(Map.of("code", "COMM", "label", "Communication"),
                        Map.of("code", "LD", "label", "Learning")))
                .containsEntry("dateOfBirth", TestTime.bornYearsAgo(7).toString());
        assertThat((Map<String, Object>) child.get("age")).containsEntry("years", 7).containsEntry("months", null)
                .containsEntry("text", "7 years");
        assertThat((String) child.get("nhsNumber")).hasSize(10);
        assertThat((List<Map<String, Object>>) file.get("people")).extracting(p -> p.get("name"), p -> p.get("livesWithChild"),
                p -> p.get("parentalResponsibility")).containsExactly(org.assertj.core.groups.Tuple.tuple("Sara Child", true, true),
                org.assertj.core.groups.Tuple.tuple("Tom Child", true, false));
        assertThat((List<Map<String, Object>>) file.get("professionals")).extracting(p -> ((Map<?, ?>) p.get("role")).get("label"),
                p -> p.get("organisation")).containsExactly(org.assertj.core.groups.Tuple.tuple("GP", "Erdington Medical Centre"),
                org.assertj.core.groups.Tuple.tuple("School", "Short Heath Primary"));
        assertThat((List<Map<String, Object>>) file.get("deadlines")).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("rule", Map.of("code", "REFERRAL_DECISION", "label", "Referral decision"))
                .containsEntry("status", "OPEN").containsEntry("workingDaysLeft", 1));
        assertThat(file).containsEntry("lookedAfter", null).containsEntry("legalStatus", null).containsEntry("placement", null)
                .containsEntry("legalProceedings", null);

        assertThat(jdbc.queryForList("SELECT user_id || ' ' || action || ' ' || detail FROM audit_event WHERE subject_ref = ?",
                String.class, ref)).contains("worker.north CREATE person added: MOTHER", "manager.north CREATE professional added: SCHOOL",
                "worker.north CREATE alert raised: RISK_TO_STAFF", "worker.north UPDATE child's details updated",
                "worker.north READ case file");
    }

    @Test
    void invalidEntriesListEveryFieldAndStoreNothing() {
        String ref = northCase().caseRef();
        ResponseEntity<Map> person = post("worker.north", "/api/cases/" + ref + "/people",
                Map.of("relationship", "COUSIN_ONCE_REMOVED", "livesWithChild", "sometimes", "phone", "call me",
                        "dateOfBirth", TestTime.today().plusDays(1).toString()));
        ResponseEntity<Map> professional = post("worker.north", "/api/cases/" + ref + "/professionals",
                Map.of("role", "GP", "email", "not an address"));
        ResponseEntity<Map> alert = post("worker.north", "/api/cases/" + ref + "/alerts", Map.of("kind", "GRUMPY", "text", "x".repeat(1001)));
        ResponseEntity<Map> details = rest.withBasicAuth("worker.north", "demo").exchange("/api/cases/" + ref + "/child", HttpMethod.PUT,
                new HttpEntity<>(Map.of("firstLanguage", "KLINGON", "disabilities", List.of("NONE", "VIS"))), Map.class);

        assertThat(person.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(person)).containsExactlyInAnyOrder("name", "relationship", "parentalResponsibility", "livesWithChild",
                "phone", "dateOfBirth");
        assertThat(fields(professional)).containsExactlyInAnyOrder("name", "email");
        assertThat(fields(alert)).containsExactlyInAnyOrder("kind", "text");
        assertThat(fields(details)).containsExactlyInAnyOrder("firstLanguage", "disabilities");
        Map<String, Object> file = file("worker.north", ref).getBody();
        assertThat((List<?>) file.get("people")).isEmpty();
        assertThat((List<?>) file.get("professionals")).isEmpty();
        assertThat((List<?>) file.get("alerts")).isEmpty();
    }

    @Test
    void anotherTeamSeesAndChangesNothingAndAnUnknownCaseIsNotFound() {
        String ref = northCase().caseRef();

        assertThat(file("worker.south", ref).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("manager.south", "/api/cases/" + ref + "/alerts", Map.of("kind", "OTHER", "text", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(file("worker.north", "CSC-2026-999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(file("service.manager", ref).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file("admin", ref).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE subject_ref = ? AND user_id IN ('worker.south', 'manager.south') "
                + "AND detail LIKE 'refused%'", Integer.class, ref)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_alert a JOIN care_case c ON c.child_id = a.child_id WHERE c.case_ref = ?",
                Integer.class, ref)).isZero();
    }

    @Test
    void thePanelChairAndTheIroReadOnlyTheCasesOfTheirRemit() {
        ContactRegistered ordinary = northCase();
        ContactRegistered inCare = care.childBorn(TestTime.bornYearsAgo(9).toString());
        care.startCare(inCare, TestTime.today().toString());

        assertThat(file("panel.chair", ordinary.caseRef()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(file("iro", ordinary.caseRef()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> seenByIro = file("iro", inCare.caseRef());
        assertThat(seenByIro.getStatusCode()).isEqualTo(HttpStatus.OK);
        // The IRO reads the file, and adds notes (see ChronologyApiTest), but does not change the child's record.
        assertThat(post("iro", "/api/cases/" + inCare.caseRef() + "/alerts", Map.of("kind", "OTHER", "text", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        Map<String, Object> file = seenByIro.getBody();
        assertThat((Map<String, Object>) file.get("lookedAfter")).containsEntry("since", TestTime.today().toString())
                .containsEntry("ceasedOn", null);
        assertThat(file).containsEntry("legalStatus", Map.of("code", "V2", "label", "Accommodated under section 20", "since", TestTime.today().toString()));
        assertThat((Map<String, Object>) file.get("placement"))
                .containsEntry("type", Map.of("code", "U4", "label", "Foster placement with other foster carer: long-term fostering"))
                .containsEntry("provider", Map.of("code", "PR1", "label", "The council's own provision"))
                .containsEntry("since", TestTime.today().toString());
        assertThat((List<Map<String, Object>>) file.get("deadlines")).extracting(d -> (Object) ((Map<?, ?>) d.get("rule")).get("code"))
                .contains((Object) "LAC_REVIEW_FIRST");
    }
}
