package uk.csc.workflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.csc.workflow.referral.ReferralDriver.at;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.review.LookedAfterDriver;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * The chronology and case notes over HTTP on PostgreSQL: a referral driven from contact to an
 * authorised assessment with a breach escalated, acknowledged and resolved, a worker's significant
 * event and notes (one corrected), all in date order with words for codes; the earlier case of a
 * re-referred child; filters, validation, team scoping and audit.
 */
@PostgresIntegrationTest
class ChronologyApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReferralDriver drive;
    @Autowired
    LookedAfterDriver care;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    private static final List<String> MANAGER = List.of("team-manager", "team-north");

    private ResponseEntity<Map> post(String user, String path, Map<String, Object> body) {
        return rest.withBasicAuth(user, "demo").postForEntity(path, body, Map.class);
    }

    private List<Map<String, Object>> chronology(String user, String caseRef, String kind) {
        return rest.withBasicAuth(user, "demo").getForObject("/api/cases/" + caseRef + "/chronology" + (kind == null ? "" : "?kind=" + kind),
                List.class);
    }

    private static List<String> fields(ResponseEntity<Map> answer) {
        return ((List<Map<String, String>>) answer.getBody().get("problems")).stream().map(p -> p.get("field")).toList();
    }

    private static Map<String, Object> note(String type, String date, String text) {
        return new HashMap<>(Map.of("type", type, "date", date, "text", text));
    }

    /** Monday 23 November 2026: a contact, accepted and allocated; the initial assessment is due by Wednesday 2 December. */
    private ContactRegistered referral() {
        at("2026-11-23T09:30");
        return drive.acceptedAndAllocated("2026-11-23T09:15:00Z");
    }

    @Test
    void everythingRecordedAboutTheChildInDateOrder() {
        ContactRegistered c = referral();
        String ref = c.caseRef();
        String pi = c.processInstanceId();

        at("2026-11-25T10:00");
        ResponseEntity<Map> first = post("worker.north", "/api/cases/" + ref + "/notes",
                note("PHONE_CALL", "2026-11-24", "Spoke to the school nurse: the child seemed withdrawn"));
        ResponseEntity<Map> event = post("worker.north", "/api/cases/" + ref + "/chronology",
                Map.of("date", "2026-11-20", "kind", "HEALTH_EVENT", "summary", "Seen at A&E with a head injury"));
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody()).containsEntry("type", Map.of("code", "PHONE_CALL", "label", "Phone call"))
                .containsEntry("date", "2026-11-24").containsEntry("corrected", false).containsEntry("writtenBy", "worker.north")
                .containsEntry("writtenByName", "Nadia North");
        assertThat(event.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(event.getBody()).containsEntry("source", "EVENT").containsEntry("kind", Map.of("code", "HEALTH_EVENT", "label", "Health event"));

        // The assessment is late: the breach is escalated to the team manager, who acknowledges and resolves it.
        at("2026-12-03T00:00");
        drive.fire(pi, ReferralToAssessmentModel.Elements.INITIAL_ASSESSMENT_DUE);
        drive.identityAs("manager.north", MANAGER, () -> {
            Task acknowledge = tasks.createTaskQuery().processInstanceBusinessKey(ref)
                    .taskDefinitionKey(StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION).singleResult();
            tasks.complete(acknowledge.getId(), Map.of("acknowledgementNote", "Spoke to the worker"));
            Task resolve = tasks.createTaskQuery().processInstanceBusinessKey(ref)
                    .taskDefinitionKey(StatutoryEscalationModel.Tasks.RESOLVE_ESCALATION).singleResult();
            tasks.complete(resolve.getId(), Map.of("resolution", "Assessment finished on 4 December"));
        });
        at("2026-12-04T10:00");
        drive.asWorker(pi, ReferralToAssessmentModel.Tasks.COMPLETE_INITIAL_ASSESSMENT,
                ReferralDriver.assessment("2026-11-26", "2026-12-04", "CHILD_IN_NEED_PLAN"));
        drive.asManager(pi, ReferralToAssessmentModel.Tasks.AUTHORISE_INITIAL_ASSESSMENT, ReferralDriver.authorisation("CHILD_IN_NEED_PLAN"));
        long firstId = ((Number) first.getBody().get("id")).longValue();
        Map<String, Object> correction = note("PHONE_CALL", "2026-11-24", "Spoke to the school nurse: the child seemed withdrawn and tired");
        correction.put("corrects", firstId);
        ResponseEntity<Map> corrected = post("worker.north", "/api/cases/" + ref + "/notes", correction);
        assertThat(corrected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(corrected.getBody()).containsEntry("corrects", (int) firstId);

        List<Map<String, Object>> entries = chronology("worker.north", ref, null);

        assertThat(entries).extracting(e -> LocalDate.parse((String) e.get("date"))).isSorted();
        assertThat(entries).extracting(e -> (String) ((Map<?, ?>) e.get("kind")).get("code"))
                .containsSubsequence("HEALTH_EVENT", "NOTE", "ESCALATION", "ASSESSMENT")
                .contains("CONTACT", "CASE", "REFERRAL_DECISION", "ALLOCATION");
        assertThat(entries.get(0)).containsEntry("date", "2026-11-20").containsEntry("summary", "Seen at A&E with a head injury")
                .containsEntry("who", "worker.north").containsEntry("whoName", "Nadia North").containsEntry("caseRef", ref)
                .containsEntry("source", "EVENT");
        assertThat(entries).extracting(e -> (String) e.get("summary")).anySatisfy(s -> assertThat(s).startsWith("Contact from Schools: "))
                .contains("Referral decision: accept as a referral for assessment", "Allocated to Nadia North",
                        "Initial assessment started, due by 2026-12-02",
                        "Escalated to the team manager: initial assessment was due by 2026-12-02 and is not done",
                        "Escalation of the initial assessment acknowledged",
                        "Initial assessment authorised: child in need plan")
                .anySatisfy(s -> assertThat(s).startsWith("Initial assessment completed (Abuse or neglect); recommendation: services as a child in need"))
                .anySatisfy(s -> assertThat(s).startsWith("Phone call (note " + firstId + ", corrected by note "))
                .anySatisfy(s -> assertThat(s).startsWith("Escalation of the initial assessment resolved: "));
        assertThat(entries).filteredOn(e -> "REFERRAL_DECISION".equals(((Map<?, ?>) e.get("kind")).get("code"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("who", "manager.north").containsEntry("date", "2026-11-23")
                        .containsEntry("source", "SYSTEM"));

        assertThat(chronology("worker.north", ref, "NOTE")).hasSize(2).allSatisfy(e -> assertThat(e).containsEntry("source", "NOTE"));
        assertThat(rest.withBasicAuth("worker.north", "demo").getForEntity("/api/cases/" + ref + "/chronology?kind=GOSSIP", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        List<Map<String, Object>> notes = rest.withBasicAuth("manager.north", "demo").getForObject("/api/cases/" + ref + "/notes", List.class);
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).containsEntry("id", (int) firstId).containsEntry("corrected", true)
                .containsEntry("correctedBy", corrected.getBody().get("id"));
        assertThat(notes.get(1)).containsEntry("corrects", (int) firstId).containsEntry("corrected", false);

        assertThat(jdbc.queryForList("SELECT user_id || ' ' || action || ' ' || detail FROM audit_event WHERE subject_ref = ?", String.class, ref))
                .contains("worker.north READ chronology", "worker.north READ chronology (NOTE)", "manager.north READ case notes",
                        "worker.north CREATE chronology event: HEALTH_EVENT",
                        "worker.north CREATE case note " + firstId + " (PHONE_CALL)");
    }

    @Test
    void notesAndEventsAreCheckedAndNeverChangedTwice() {
        ContactRegistered c = referral();
        String ref = c.caseRef();
        at("2026-11-25T10:00");
        long noteId = ((Number) post("worker.north", "/api/cases/" + ref + "/notes", note("VISIT", "2026-11-25", "Home visit")).getBody()
                .get("id")).longValue();
        Map<String, Object> firstCorrection = note("VISIT", "2026-11-25", "Home visit; the child was seen alone");
        firstCorrection.put("corrects", noteId);
        post("worker.north", "/api/cases/" + ref + "/notes", firstCorrection);

        Map<String, Object> again = new HashMap<>(firstCorrection);
        Map<String, Object> unknown = note("VISIT", "2026-11-25", "x");
        unknown.put("corrects", 999_999_999);
        assertThat(fields(post("worker.north", "/api/cases/" + ref + "/notes", again))).containsExactly("corrects");
        assertThat(fields(post("worker.north", "/api/cases/" + ref + "/notes", unknown))).containsExactly("corrects");
        assertThat(fields(post("worker.north", "/api/cases/" + ref + "/notes", note("VISIT", "2026-11-26", "tomorrow")))).containsExactly("date");
        assertThat(fields(post("worker.north", "/api/cases/" + ref + "/notes", note("VISIT", "2026-11-22", "before the contact"))))
                .containsExactly("date");
        assertThat(fields(post("worker.north", "/api/cases/" + ref + "/notes", note("GOSSIP", "2026-11-25", "x".repeat(4001)))))
                .containsExactlyInAnyOrder("type", "text");
        assertThat(post("worker.north", "/api/cases/" + ref + "/notes", note("OTHER", "2026-11-25", "x".repeat(4000))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(fields(post("worker.north", "/api/cases/" + ref + "/chronology",
                Map.of("date", "2026-11-24", "kind", "CONTACT", "summary", "A contact")))).containsExactly("kind");
        assertThat(fields(post("worker.north", "/api/cases/" + ref + "/chronology",
                Map.of("date", "2010-01-01", "kind", "FAMILY_EVENT", "summary", "Parents separated")))).containsExactly("date");

        assertThat(post("worker.south", "/api/cases/" + ref + "/notes", note("VISIT", "2026-11-25", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("iro", "/api/cases/" + ref + "/notes", note("VISIT", "2026-11-25", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("worker.south", "demo").getForEntity("/api/cases/" + ref + "/chronology", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("worker.south", "demo").getForEntity("/api/cases/" + ref + "/notes", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM case_note WHERE case_id = ?", Integer.class, c.caseId())).isEqualTo(3);
    }

    @Test
    void aReReferredChildsChronologyShowsTheEarlierCase() {
        ContactRegistered first = referral();
        var child = jdbc.queryForMap("SELECT * FROM child WHERE id = (SELECT child_id FROM care_case WHERE id = ?)", first.caseId());
        at("2026-12-08T10:00");
        ContactRegistered second = drive.receive(new ContactRequest(new ContactRequest.Child((String) child.get("first_name"),
                (String) child.get("last_name"), ((java.sql.Date) child.get("date_of_birth")).toLocalDate(), null, "F", "WBRI", "B23 6AB",
                (String) child.get("nhs_number"), null), "1A", OffsetDateTime.parse("2026-12-08T09:00:00Z"), "Grandmother worried",
                "CHILD_IN_NEED", false, false, true, null));
        assertThat(second.reReferral()).isTrue();

        List<Map<String, Object>> entries = chronology("worker.north", second.caseRef(), "CONTACT");

        assertThat(entries).extracting(e -> e.get("caseRef")).containsExactly(first.caseRef(), second.caseRef());
        assertThat(entries.get(1)).containsEntry("date", "2026-12-08");
        assertThat((String) entries.get(1).get("summary")).startsWith("Contact from Individual: family member/relative/carer");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE subject_ref = ? AND user_id = 'worker.north'", String.class,
                first.caseRef())).contains("chronology, shown with " + second.caseRef());
    }

    @Test
    void theIroAddsNotesToAChildInCare() {
        ContactRegistered c = care.childBorn(TestTime.bornYearsAgo(10).toString());
        care.startCare(c, TestTime.today().toString());

        ResponseEntity<Map> answer = post("iro", "/api/cases/" + c.caseRef() + "/notes",
                note("MEETING", TestTime.today().toString(), "Met the child before the first review"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(chronology("iro", c.caseRef(), "LOOKED_AFTER")).singleElement().satisfies(e -> assertThat((String) e.get("summary"))
                .isEqualTo("Became looked after: legal status accommodated under section 20; placement foster placement with other "
                        + "foster carer: long-term fostering (the council's own provision)"));
    }
}
