package uk.csc.workflow.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.clocks.process.ClockVariables;
import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.input.Http.Answer;
import uk.csc.workflow.input.Http.Request;
import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.plans.ChildInNeedPlanModel;
import uk.csc.workflow.plans.ChildProtectionPlanModel;
import uk.csc.workflow.platform.process.CaseDataHistory;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.review.LookedAfterReviewsModel;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * What a practitioner writes stays out of the engine's history. Every form of every model is
 * submitted through the engine REST API (start forms and task forms, by {@code submit-form} as
 * Tasklist does and by {@code complete}), every free-text field carrying a marker and filled to
 * the form's maxLength (so the columns are shown to hold what the forms allow). Then, read
 * straight from the tables: no row of {@code ACT_HI_VARINST} (current or DELETED) or
 * {@code ACT_HI_DETAIL} has the name of a form field the contracts declare as case data or start
 * data, no history row or byte array holds a marker, the engine's runtime holds none either, and
 * the case tables hold every one.
 */
@PostgresIntegrationTest
class EngineHistoryTest {

    /** Fields whose values are checked against a list or a pattern: not free text to mark. */
    private static final Set<String> NOT_FREE_TEXT = Set.of("allocatedWorker", "childPostcode", "childNhsNumber", "childUpn", "caseRef");

    /**
     * Fields whose value the service keeps only when it applies: the reason a review was held late
     * (the routes hold it on time), the information the panel needs (unless it asks for more), why
     * no family group decision-making meeting is offered (unless the letter or the chair's decision to
     * issue now offers none: PreProceedingsProcessTest checks the reason is kept then).
     */
    private static final Set<String> NOT_APPLICABLE = Set.of("lateReason", "informationNeeded", "fgdmNotOfferedReason");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    Journeys journeys;
    @Autowired
    CaseDataHistory caseData;

    @Test
    void noFormValueOfTheCaseRecordRemainsInTheEngineHistoryAndTheCaseTablesKeepThem() {
        Http http = new Http(rest);
        Set<String> declared = declaredCaseData();
        assertThat(caseData.names()).as("the names the history filter found by scanning the contracts").isEqualTo(declared);

        List<String> markers = new ArrayList<>();
        Set<String> forms = new TreeSet<>();
        List<String> caseRefs = new ArrayList<>();
        int submitted = 0;
        for (Journeys.Journey journey : journeys.all()) {
            journeys.start(journey);
            caseRefs.add(journey.caseRef());
            for (Journeys.Step step : journey.steps()) {
                var task = journeys.openTask(journey, step);
                Map<String, Object> values = marked(step.form(), step.valid(), markers);
                String how = submitted++ % 2 == 0 ? "submit-form" : "complete";
                Answer done = http.send(Request.json(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/" + how, step.user(),
                        Map.of("variables", Http.variables(values))));
                assertThat(done.status()).as(journey.name() + ": " + step.task() + " " + done.body()).isBetween(200, 299);
                forms.add(step.form());
                step.after().accept(journey);
            }
        }
        caseRefs.add(startForm(http, "recordContact", "referralToAssessment", "worker.north", contactForm(), markers, forms));
        ContactRegistered open = journeys.receive("CHILD_IN_NEED", false, TestTime.now().minusHours(1));
        Map<String, Object> request = new LinkedHashMap<>(Journeys.request("S20_ACCOMMODATION"));
        request.put("caseRef", open.caseRef());
        startForm(http, "requestPanel", "receptionIntoCarePanel", "manager.north", request, markers, forms);
        caseRefs.add(open.caseRef());

        assertThat(forms).as("every form of every model was submitted").hasSize(45);
        assertThat(markers).as("marked free-text values").hasSizeGreaterThan(40);

        String names = declared.stream().map(n -> "'" + n + "'").collect(Collectors.joining(","));
        List<Map<String, Object>> variables = jdbc.queryForList(
                "SELECT name_, state_, text_ FROM act_hi_varinst WHERE name_ IN (" + names + ")");
        List<Map<String, Object>> details = jdbc.queryForList(
                "SELECT name_, type_, text_ FROM act_hi_detail WHERE name_ IN (" + names + ")");
        System.out.printf("%nEngine history: %d forms submitted with %d marked values; case-data names in ACT_HI_VARINST: %d, "
                + "in ACT_HI_DETAIL: %d%n%n", forms.size(), markers.size(), variables.size(), details.size());
        assertThat(variables).as("ACT_HI_VARINST rows (current or DELETED) named as case data").isEmpty();
        assertThat(details).as("ACT_HI_DETAIL rows named as case data").isEmpty();

        for (String marker : markers) {
            assertThat(count("SELECT count(*) FROM act_hi_varinst WHERE text_ LIKE ? OR text2_ LIKE ?", marker))
                    .as(marker + " in ACT_HI_VARINST").isZero();
            assertThat(count("SELECT count(*) FROM act_hi_detail WHERE text_ LIKE ? OR text2_ LIKE ?", marker))
                    .as(marker + " in ACT_HI_DETAIL").isZero();
            assertThat(count("SELECT count(*) FROM act_ru_variable WHERE text_ LIKE ? OR text2_ LIKE ?", marker))
                    .as(marker + " in ACT_RU_VARIABLE").isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ge_bytearray WHERE position(convert_to(?, 'UTF8') IN bytes_) > 0",
                    Long.class, marker)).as(marker + " in ACT_GE_BYTEARRAY").isZero();
            if (NOT_APPLICABLE.stream().noneMatch(marker::endsWith)) {
                assertThat(count(caseTablesHolding(), marker)).as(marker + " in the case tables").isPositive();
            }
        }

        // History is still kept for everything else: the routes' activities and their routing variables.
        String refs = caseRefs.stream().map(r -> "'" + r + "'").collect(Collectors.joining(","));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON p.id_ = a.proc_inst_id_ "
                + "WHERE p.business_key_ IN (" + refs + ")", Long.class)).as("activity history of the routes").isGreaterThan(100);
        assertThat(jdbc.queryForList("SELECT DISTINCT v.name_ FROM act_hi_varinst v JOIN act_hi_procinst p ON p.id_ = v.proc_inst_id_ "
                + "WHERE p.business_key_ IN (" + refs + ")", String.class))
                .contains("caseId", "referralDecision", "panelDecision").doesNotContainAnyElementsOf(declared);

        // A statutory clock's copies of its deadline row are left out as well; the open routes' timers still read them.
        assertThat(jdbc.queryForList("SELECT DISTINCT name_ FROM act_hi_varinst", String.class))
                .as("clock variables in ACT_HI_VARINST").isNotEmpty().noneMatch(ClockVariables::isClockVariable);
        assertThat(jdbc.queryForList("SELECT DISTINCT name_ FROM act_ru_variable", String.class))
                .as("clock variables of the open routes").contains("referralDecisionDueAt", "referralDecisionRemindAt",
                        "referralDecisionServiceManagerAt", "referralDecisionDueOn");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ru_job WHERE handler_type_ LIKE 'timer%'",
                Long.class)).as("the statutory timers those variables set").isPositive();
        assertThat(List.of("caseId", "referralDecision", "team", "DueAt", "worker"))
                .as("routing variables keep their history").noneMatch(caseData::leftOut);
        assertThat(List.of("initialAssessmentDueAt", "reviewRemindAt", "visitServiceManagerAt", "assessmentDueOn", "rule", "startedOn",
                "occurrence")).as("clock variables and the clock tasks' inputs are left out").allMatch(caseData::leftOut);
    }

    /** The union of every @ProcessContract's CASE_DATA and START_DATA, read here from the contracts themselves. */
    private static Set<String> declaredCaseData() {
        Set<String> names = new TreeSet<>();
        names.addAll(ReferralToAssessmentModel.CASE_DATA);
        names.addAll(ReferralToAssessmentModel.START_DATA);
        names.addAll(ReceptionIntoCarePanelModel.CASE_DATA);
        names.addAll(ReceptionIntoCarePanelModel.START_DATA);
        names.addAll(LookedAfterReviewsModel.CASE_DATA);
        names.addAll(LookedAfterReviewsModel.START_DATA);
        names.addAll(StatutoryEscalationModel.CASE_DATA);
        names.addAll(StatutoryEscalationModel.START_DATA);
        names.addAll(ChildProtectionPlanModel.CASE_DATA);
        names.addAll(ChildProtectionPlanModel.START_DATA);
        names.addAll(ChildInNeedPlanModel.CASE_DATA);
        names.addAll(ChildInNeedPlanModel.START_DATA);
        names.addAll(uk.csc.workflow.plans.FamilyHelpPlanModel.CASE_DATA);
        names.addAll(uk.csc.workflow.plans.FamilyHelpPlanModel.START_DATA);
        return names;
    }

    /** The valid values with every free-text field of the form replaced by a marker, filled to the form's maxLength. */
    private static Map<String, Object> marked(String form, Map<String, Object> valid, List<String> markers) {
        Map<String, Object> values = new HashMap<>(valid);
        for (FieldSpec field : FieldSpec.ofForm(form)) {
            if (field.kind() == FieldSpec.Kind.TEXT && !NOT_FREE_TEXT.contains(field.name()) && values.containsKey(field.name())) {
                String marker = "HIST" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + field.name();
                markers.add(marker);
                values.put(field.name(), marker + " " + "w".repeat(Math.max(0, field.maxLength() - marker.length() - 1)));
            }
        }
        return values;
    }

    private String startForm(Http http, String form, String processKey, String user, Map<String, Object> valid, List<String> markers,
                             Set<String> forms) {
        Answer started = http.send(Request.json(HttpMethod.POST, "/engine-rest/process-definition/key/" + processKey + "/submit-form",
                user, Map.of("variables", Http.variables(marked(form, valid, markers)))));
        assertThat(started.status()).as(form + " " + started.body()).isEqualTo(200);
        forms.add(form);
        return started.json().path("businessKey").asText();
    }

    private static Map<String, Object> contactForm() {
        return Journeys.values("childFirstName", "Historic", "childLastName", "Child", "childUnborn", false,
                "childDateOfBirth", TestTime.bornYearsAgo(5).toString(), "childSex", "F", "childEthnicity", "WBRI",
                "childPostcode", "B23 6AB", "referralSource", "6", "receivedOn", TestTime.today().toString(),
                "concerns", "Police attended the home", "concernLevel", "LOW_LEVEL_NEED", "immediateRisk", false,
                "dvNotification", false, "consent", true);
    }

    /** One query over every case table's rows as text (the audit trail names no values). */
    private static String caseTablesHolding() {
        return "SELECT count(*) FROM (" + Written.CASE_TABLES.stream().filter(t -> !t.equals("audit_event"))
                .map(t -> "SELECT x::text AS row FROM " + t + " x").collect(Collectors.joining(" UNION ALL "))
                + ") rows WHERE row LIKE ?";
    }

    /** The count the query gives with the marker (as a LIKE pattern) in each of its placeholders. */
    private long count(String sql, String marker) {
        Object[] args = new Object[(int) sql.chars().filter(c -> c == '?').count()];
        java.util.Arrays.fill(args, "%" + marker + "%");
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
