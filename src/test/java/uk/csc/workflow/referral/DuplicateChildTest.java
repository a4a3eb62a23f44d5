package uk.csc.workflow.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.support.NhsNumbers;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * No duplicate children at the front door: a known NHS number links the contact to its child (API
 * and Tasklist start form); a likely match on names and date of birth is a question to the worker
 * (409 with the candidates), whose answer is recorded and audited; nothing is stored meanwhile.
 */
@PostgresIntegrationTest
class DuplicateChildTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void pinTheDay() {
        ReferralDriver.at("2026-11-25T10:00");
    }

    /** A contact about a child born on {@code dob}; {@code nhs} may be null. */
    static Map<String, Object> contact(String first, String last, String dob, String nhs) {
        Map<String, Object> child = new HashMap<>(Map.of("firstName", first, "lastName", last, "dateOfBirth", dob, "sex", "F",
                "ethnicity", "WBRI", "postcode", "B23 6AB"));
        if (nhs != null) {
            child.put("nhsNumber", nhs);
        }
        return new HashMap<>(Map.of("child", child, "referralSource", "2A", "receivedAt", "2026-11-24T09:30:00Z",
                "concerns", "School worried about bruising", "concernLevel", "CHILD_IN_NEED", "immediateRisk", false,
                "dvNotification", false, "consent", true));
    }

    private ResponseEntity<Map> post(Map<String, Object> body) {
        return rest.withBasicAuth("worker.north", "demo").postForEntity("/api/contacts", body, Map.class);
    }

    /** A name no other test uses, letters only (as a real name: compared by sound too). */
    private static String unique(String name) {
        StringBuilder letters = new StringBuilder(name);
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }

    private long casesOfChild(long childId) {
        return jdbc.queryForObject("SELECT count(*) FROM care_case WHERE child_id = ?", Long.class, childId);
    }

    private long children(String lastName) {
        return jdbc.queryForObject("SELECT count(*) FROM child WHERE last_name = ?", Long.class, lastName);
    }

    @Test
    void aKnownNhsNumberLinksTheContactToItsChild() {
        String nhs = NhsNumbers.next();
        String last = unique("Nhs");
        ResponseEntity<Map> first = post(contact("Amira", last, "2019-04-02", nhs));
        // Another spelling and another date of birth: the NHS number still says who the child is.
        ResponseEntity<Map> second = post(contact("Amirah", last, "2019-04-03", nhs));

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getBody()).containsEntry("linkedToExistingChild", true).containsEntry("linkedBy", "NHS_NUMBER")
                .containsEntry("childId", first.getBody().get("childId")).containsEntry("reReferral", true);
        assertThat(children(last)).isEqualTo(1);
    }

    @Test
    void theStartFormLinksAKnownNhsNumberToo() {
        String nhs = NhsNumbers.next();
        String last = unique("Form");
        ResponseEntity<Map> first = post(contact("Noor", last, "2020-02-02", nhs));
        Map<String, Object> form = new HashMap<>();
        Map.of("childFirstName", "Noor", "childLastName", last, "childDateOfBirth", "2020-02-02", "childSex", "F",
                "childEthnicity", "WBRI", "childPostcode", "B23 6AB", "childNhsNumber", nhs, "referralSource", "6",
                "receivedOn", "2026-11-25", "concerns", "Police attended the home")
                .forEach((k, v) -> form.put(k, Map.of("value", v)));
        form.put("concernLevel", Map.of("value", "LOW_LEVEL_NEED"));
        form.put("consent", Map.of("value", true, "type", "Boolean"));
        form.put("dvNotification", Map.of("value", false, "type", "Boolean"));

        ResponseEntity<Map> started = rest.withBasicAuth("worker.north", "demo").postForEntity(
                "/engine-rest/process-definition/key/referralToAssessment/submit-form", Map.of("variables", form), Map.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(children(last)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT child_id FROM care_case WHERE case_ref = ?", Long.class, started.getBody().get("businessKey")))
                .isEqualTo(((Number) first.getBody().get("childId")).longValue());
    }

    @Test
    void aLikelyMatchIsProposedAndTheWorkersConfirmationLinksAndIsRecorded() {
        String last = unique("Smith");
        ResponseEntity<Map> first = post(contact("John", last, "2018-05-06", null));
        long known = ((Number) first.getBody().get("childId")).longValue();
        // Names swapped and misspelt, no NHS number: probably the same child.
        Map<String, Object> again = contact(last, "Jon", "2018-05-06", null);
        ResponseEntity<Map> proposed = post(again);

        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((List<Map<String, Object>>) proposed.getBody().get("problems")).extracting(p -> p.get("field"))
                .containsExactly("matchDecision");
        assertThat((List<Map<String, Object>>) proposed.getBody().get("candidates")).singleElement().satisfies(c -> {
            assertThat(((Number) c.get("childId")).longValue()).isEqualTo(known);
            assertThat(c).containsEntry("firstName", "John").containsEntry("dateOfBirth", "2018-05-06")
                    .containsEntry("nhsNumberKnown", false).containsEntry("sex", Map.of("code", "F", "label", "Female"));
            assertThat((Integer) c.get("score")).isBetween(75, 100);
        });
        assertThat(casesOfChild(known)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE subject_ref = ? AND user_id = 'worker.north' "
                + "AND detail LIKE '%possible duplicate%'", Long.class, first.getBody().get("caseRef"))).isEqualTo(1);

        again.put("matchDecision", Map.of("childId", known, "decision", "CONFIRM"));
        ResponseEntity<Map> linked = post(again);

        assertThat(linked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(linked.getBody()).containsEntry("linkedToExistingChild", true).containsEntry("linkedBy", "CONFIRMED_MATCH");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child WHERE first_name = ? OR last_name = ?", Long.class, last, last))
                .isEqualTo(1);
        String caseRef = (String) linked.getBody().get("caseRef");
        assertThat(jdbc.queryForObject("SELECT decision || ' ' || decided_by FROM child_match_decision d JOIN care_case c ON c.id = d.case_id "
                + "WHERE c.case_ref = ?", String.class, caseRef)).isEqualTo("CONFIRM worker.north");
        assertThat(jdbc.queryForList("SELECT action || ': ' || detail FROM audit_event WHERE subject_ref = ?", String.class, caseRef))
                .anySatisfy(a -> assertThat(a).startsWith("DECIDE: duplicate check: child " + known + " confirmed"));
    }

    @Test
    void aRejectedMatchRecordsANewChildAndTheRejection() {
        String last = unique("Begum");
        long known = ((Number) post(contact("Aisha", last, "2017-01-09", null)).getBody().get("childId")).longValue();
        Map<String, Object> other = contact("Ayesha", last, "2017-01-09", null);
        assertThat(post(other).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        other.put("matchDecision", Map.of("childId", known, "decision", "REJECT"));
        ResponseEntity<Map> answer = post(other);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).containsEntry("linkedToExistingChild", false);
        assertThat(children(last)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_match_decision WHERE child_id = ? AND decision = 'REJECT'",
                Long.class, known)).isEqualTo(1);
    }

    @Test
    void aDecisionAboutAChildNotProposedIsA400AndNothingIsStored() {
        String last = unique("Clark");
        long known = ((Number) post(contact("Leah", last, "2016-03-03", null)).getBody().get("childId")).longValue();
        Map<String, Object> again = contact("Lea", last, "2016-03-03", null);
        again.put("matchDecision", Map.of("childId", 999_999_999, "decision", "CONFIRM"));

        ResponseEntity<Map> answer = post(again);
        again.put("matchDecision", Map.of("childId", 1, "decision", "PERHAPS"));
        ResponseEntity<Map> badDecision = post(again);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) answer.getBody().get("problems")).extracting(p -> p.get("field"))
                .containsExactly("matchDecision.childId");
        assertThat(badDecision.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) badDecision.getBody().get("problems")).extracting(p -> p.get("field"))
                .containsExactly("matchDecision.decision");
        assertThat(casesOfChild(known)).isEqualTo(1);
        assertThat(children(last)).isEqualTo(1);
    }

    @Test
    void differentNhsNumbersTellChildrenApartAndDifferentNamesAreNoMatch() {
        String last = unique("Twin");
        post(contact("Ella", last, "2021-06-01", NhsNumbers.next()));

        ResponseEntity<Map> twin = post(contact("Ella", last, "2021-06-01", NhsNumbers.next()));
        ResponseEntity<Map> sibling = post(contact("Grace", last, "2021-06-01", null));

        assertThat(twin.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(twin.getBody()).containsEntry("linkedToExistingChild", false);
        assertThat(sibling.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(children(last)).isEqualTo(3);
    }

    @Test
    void theStartFormAsksAboutALikelyMatchWithoutNamingTheChild() {
        String last = unique("Ahmed");
        long known = ((Number) post(contact("Ruby", last, "2014-06-03", null)).getBody().get("childId")).longValue();
        Map<String, Object> form = new HashMap<>();
        Map.of("childFirstName", "Rubi", "childLastName", last, "childDateOfBirth", "2014-06-03", "childSex", "F",
                "childEthnicity", "WBRI", "childPostcode", "B23 6AB", "referralSource", "6", "receivedOn", "2026-11-25",
                "concerns", "Police attended the home", "concernLevel", "LOW_LEVEL_NEED")
                .forEach((k, v) -> form.put(k, Map.of("value", v)));
        form.put("consent", Map.of("value", true, "type", "Boolean"));
        form.put("dvNotification", Map.of("value", false, "type", "Boolean"));
        String submit = "/engine-rest/process-definition/key/referralToAssessment/submit-form";

        ResponseEntity<Map> asked = rest.withBasicAuth("worker.north", "demo").postForEntity(submit, Map.of("variables", form), Map.class);

        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) asked.getBody().get("message")).contains("matchDecision", "child " + known).doesNotContain(last);
        assertThat(children(last)).isEqualTo(1);

        form.put("matchChildId", Map.of("value", String.valueOf(known)));
        form.put("matchDecision", Map.of("value", "CONFIRM"));
        ResponseEntity<Map> confirmed = rest.withBasicAuth("worker.north", "demo").postForEntity(submit, Map.of("variables", form), Map.class);

        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(children(last)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child_match_decision WHERE child_id = ? AND decision = 'CONFIRM'",
                Long.class, known)).isEqualTo(1);
    }
}
