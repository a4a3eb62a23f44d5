package uk.csc.workflow.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static uk.csc.workflow.input.FieldSpec.Kind.DATE_TIME;
import static uk.csc.workflow.input.FieldSpec.Kind.NUMBER;
import static uk.csc.workflow.input.FieldSpec.code;
import static uk.csc.workflow.input.FieldSpec.date;
import static uk.csc.workflow.input.FieldSpec.flag;
import static uk.csc.workflow.input.FieldSpec.planned;
import static uk.csc.workflow.input.FieldSpec.text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.codes.Ssda903;
import uk.csc.workflow.input.BadValues.Surface;
import uk.csc.workflow.input.Http.Answer;
import uk.csc.workflow.input.Http.Request;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.review.LookedAfterDriver;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * Bad input, generated: for every write endpoint of {@code /api} (from its body's fields) and every
 * task form of every model (from the form's own fields, through {@code POST /engine-rest/task/{id}/complete}
 * and {@code /submit-form}, and the start forms through {@code /process-definition/key/{key}/submit-form}),
 * the values each field must refuse (missing, blank, too long, the wrong type, garbage, impossible,
 * edge-of-the-calendar, future and too-early dates, whitespace-padded bad values, codes not on the
 * list, malformed typed variables), and the requests every endpoint must refuse (wrong content
 * type, a {@code null} or malformed body, an unknown id). Each is answered 4xx with JSON naming
 * the field, carries no SQL, class name or engine code, and writes nothing: every case table's
 * rows and content and the engine's rows are the same before and after, and the task is still
 * open. Each task is then completed with its valid values, so the route goes on to the next.
 */
@PostgresIntegrationTest
class BadInputSuiteTest {

    private static final String UNKNOWN_CASE = "CSC-1999-999999";
    private static final Map<Integer, Integer> STATUSES = new TreeMap<>();
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger TASK_FORMS = new AtomicInteger();
    private static final AtomicInteger ENDPOINTS = new AtomicInteger();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    Journeys journeys;
    @Autowired
    LookedAfterDriver care;

    private Http http;
    private Written written;
    /** The tables as the last refused request left them (null when something else may have written since). */
    private Map<String, String> lastState;
    /** Turns the choice among alike bad values, so that over the suite each is sent. */
    private int turn;

    @TestFactory
    Stream<DynamicNode> everyBadInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        http = new Http(rest);
        written = new Written(jdbc);
        Set<String> covered = new HashSet<>();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Journeys.Journey journey : journeys.all()) {
            nodes.add(dynamicContainer("route: " + journey.name(), lazily(() -> journey(journey, covered))));
        }
        nodes.add(dynamicContainer("start form: recordContact", lazily(this::contactStartForm)));
        nodes.add(dynamicContainer("start form: requestPanel", lazily(this::panelStartForm)));
        nodes.add(dynamicContainer("POST /api/contacts", lazily(this::contacts)));
        nodes.add(dynamicContainer("POST /api/cases/{ref}/panel-requests", lazily(this::panelRequests)));
        nodes.add(dynamicContainer("POST /api/panel/decisions/{id}/corrections", lazily(this::corrections)));
        nodes.add(dynamicContainer("POST /api/cases/{ref}/looked-after and its changes", lazily(this::lookedAfter)));
        nodes.add(dynamicContainer("POST /api/cases/{ref}/cp-reviews, /care-leaver, /school-absences", lazily(this::indicatorRecords)));
        nodes.add(dynamicContainer("GET with bad parameters", lazily(this::queries)));
        nodes.add(dynamicTest("totals: every case answered 4xx, none 5xx", this::totals));
        return nodes.stream();
    }

    /** The nodes made when the container runs (after what comes before it), its fixtures written first. */
    private Stream<DynamicNode> lazily(Supplier<Stream<DynamicNode>> nodes) {
        return Stream.of(1).flatMap(x -> {
            lastState = null;
            return nodes.get();
        });
    }

    // ---- one case -------------------------------------------------------------------------------

    /** A request that must be refused: 4xx, the field named, nothing leaked, nothing written, the task (if any) still open. */
    private DynamicTest refused(String name, Request request, String field, String openTaskId) {
        return dynamicTest(name, () -> {
            Map<String, String> before = lastState != null ? lastState : written.now();
            lastState = null;
            Answer answer = http.send(request);
            CASES.incrementAndGet();
            synchronized (STATUSES) {
                STATUSES.merge(answer.status(), 1, Integer::sum);
            }
            Map<String, String> after = written.now();
            String what = name + ": " + request;
            assertThat(answer.status()).as(what + " answered " + answer.body()).isBetween(400, 499);
            assertThat(answer.json()).as(what + ": a JSON answer: " + answer.body()).isNotNull();
            assertThat(answer.fields()).as(what + ": the fields named by " + answer.body()).contains(field);
            assertThat(answer.leak()).as(what + ": nothing internal in " + answer.body()).isNull();
            assertThat(Written.changed(before, after)).as(what + ": tables written by a refused request").isEmpty();
            lastState = after;
            if (openTaskId != null) {
                assertThat(tasks.createTaskQuery().taskId(openTaskId).count()).as("the task is still open").isEqualTo(1);
            }
        });
    }

    /** The bad values a field is sent: one of each group of alike values, turning from field to field. */
    private Map<String, Object> each(FieldSpec field, Surface surface) {
        return BadValues.sample(field, surface, turn++);
    }

    // ---- task forms through the engine REST API --------------------------------------------------

    private Stream<DynamicNode> journey(Journeys.Journey journey, Set<String> covered) {
        List<DynamicNode> start = List.of(dynamicTest("the route starts", () -> {
            lastState = null;
            journeys.start(journey);
        }));
        return Stream.concat(start.stream(), journey.steps().stream().flatMap(step -> step(journey, step, covered)));
    }

    private Stream<DynamicNode> step(Journeys.Journey journey, Journeys.Step step, Set<String> covered) {
        Task task = journeys.openTask(journey, step);
        List<DynamicNode> nodes = new ArrayList<>();
        if (covered.add(step.task())) {
            TASK_FORMS.incrementAndGet();
            nodes.add(dynamicContainer(step.task() + " (" + step.form() + ".form)", taskCases(task, step)));
        }
        // No task of any model is created without a due date: it would sort first and never show as overdue.
        nodes.add(dynamicTest(step.task() + ": created with a due date", () -> assertThat(task.getDueDate())
                .as(step.task() + " on " + journey.caseRef() + " has a due date").isNotNull()));
        String how = nodes.size() == 1 || TASK_FORMS.get() % 2 == 0 ? "complete" : "submit-form";
        nodes.add(dynamicTest(step.task() + ": its valid values complete it (" + how + ")", () -> {
            lastState = null;
            Answer done = http.send(Request.json(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/" + how, step.user(),
                    Map.of("variables", Http.variables(step.valid()))));
            assertThat(done.status()).as(step.task() + " completed: " + done.body()).isBetween(200, 299);
            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
            step.after().accept(journey);
        }));
        return nodes.stream();
    }

    private Stream<DynamicNode> taskCases(Task task, Journeys.Step step) {
        List<DynamicNode> cases = new ArrayList<>();
        Set<String> held = journeys.processVariables(task).keySet();
        String base = "/engine-rest/task/" + task.getId() + "/";
        int n = 0;
        for (FieldSpec field : FieldSpec.ofForm(step.form())) {
            for (var bad : each(field, Surface.ENGINE).entrySet()) {
                if (bad.getValue() == BadValues.MISSING && held.contains(field.name())) {
                    continue; // an earlier step set this variable: the form shows it, it is not missing
                }
                Map<String, Object> values = new LinkedHashMap<>(step.valid());
                if (bad.getValue() == BadValues.MISSING) {
                    values.remove(field.name());
                } else {
                    values.put(field.name(), bad.getValue());
                }
                String how = n++ % 2 == 0 ? "complete" : "submit-form";
                cases.add(refused(field.name() + ": " + bad.getKey() + " (" + how + ")",
                        Request.json(HttpMethod.POST, base + how, step.user(), Map.of("variables", Http.variables(values))),
                        field.name(), task.getId()));
            }
            for (var typed : BadValues.typedSample(field, turn++).entrySet()) {
                Map<String, Object> variables = Http.variables(step.valid());
                variables.put(field.name(), typed.getValue());
                String how = n++ % 2 == 0 ? "complete" : "submit-form";
                cases.add(refused(field.name() + ": " + typed.getKey() + " (" + how + ")",
                        Request.json(HttpMethod.POST, base + how, step.user(), Map.of("variables", variables)), field.name(), task.getId()));
            }
        }
        cases.addAll(wholeRequestCases(base, step.user(), task.getId(), Map.of("variables", Http.variables(step.valid()))));
        return cases.stream();
    }

    /** What every engine REST body endpoint refuses, whatever its fields (alike requests take turns). */
    private List<DynamicNode> wholeRequestCases(String base, String user, String openTaskId, Map<String, Object> valid) {
        boolean task = base.endsWith("/");
        String how = turn++ % 2 == 0 ? "complete" : "submit-form";
        String path = task ? base + how : base;
        String other = task ? base + (how.equals("complete") ? "submit-form" : "complete") : base;
        List<DynamicNode> cases = new ArrayList<>();
        cases.add(turn % 2 == 0
                ? refused("text/plain instead of JSON", new Request(HttpMethod.POST, path, user, "text/plain", Http.write(valid)),
                        "Content-Type", openTaskId)
                : refused("application/xml instead of JSON", new Request(HttpMethod.POST, path, user, "application/xml", "<variables/>"),
                        "Content-Type", openTaskId));
        cases.add(refused("a null body", new Request(HttpMethod.POST, other, user, Http.APPLICATION_JSON, "null"), "body", openTaskId));
        cases.add(turn % 3 == 0
                ? refused("a JSON list instead of an object", new Request(HttpMethod.POST, path, user, Http.APPLICATION_JSON, "[]"),
                        "body", openTaskId)
                : refused("malformed JSON", new Request(HttpMethod.POST, path, user, Http.APPLICATION_JSON, "{\"variables\": {"), "body",
                        openTaskId));
        cases.add(refused("variables that are not an object", Request.json(HttpMethod.POST, other, user, Map.of("variables", "all of them")),
                "variables", openTaskId));
        if (task) {
            cases.add(refused("an unknown task id (" + how + ")", Request.json(HttpMethod.POST,
                    "/engine-rest/task/no-such-task/" + how, user, valid), "id", openTaskId));
        }
        return cases;
    }

    // ---- start forms ----------------------------------------------------------------------------

    private Stream<DynamicNode> contactStartForm() {
        Map<String, Object> valid = Journeys.values("childFirstName", "Started", "childLastName", "Form",
                "childUnborn", false, "childDateOfBirth", TestTime.bornYearsAgo(5).toString(), "childSex", "F",
                "childEthnicity", "WBRI", "childPostcode", "B23 6AB", "childNhsNumber", "9434765919", "childUpn", "A12345678901B",
                "referralSource", "6", "receivedOn", TestTime.today().toString(), "concerns", "Police attended the home",
                "concernLevel", "LOW_LEVEL_NEED", "immediateRisk", false, "dvNotification", false, "consent", true,
                "teamOverride", "team-north");
        return startFormCases("recordContact", "referralToAssessment", "worker.north", valid);
    }

    private Stream<DynamicNode> panelStartForm() {
        ContactRegistered open = journeys.receive("CHILD_IN_NEED", false, TestTime.now().minusHours(1));
        Map<String, Object> valid = new LinkedHashMap<>(Journeys.request("S20_ACCOMMODATION"));
        valid.put("caseRef", open.caseRef());
        return startFormCases("requestPanel", "receptionIntoCarePanel", "manager.north", valid);
    }

    private Stream<DynamicNode> startFormCases(String form, String processKey, String user, Map<String, Object> valid) {
        List<DynamicNode> cases = new ArrayList<>();
        int n = 0;
        for (FieldSpec field : FieldSpec.ofForm(form)) {
            for (var bad : each(field, Surface.ENGINE).entrySet()) {
                Map<String, Object> values = new LinkedHashMap<>(valid);
                if (bad.getValue() == BadValues.MISSING) {
                    values.remove(field.name());
                } else {
                    values.put(field.name(), bad.getValue());
                }
                // Staff start a case through its start form only (the engine door refuses /start).
                cases.add(refused(field.name() + ": " + bad.getKey() + " (submit-form)", Request.json(HttpMethod.POST,
                        "/engine-rest/process-definition/key/" + processKey + "/submit-form", user,
                        Map.of("variables", Http.variables(values))), field.name(), null));
            }
        }
        if (form.equals("requestPanel")) {
            Map<String, Object> unknown = new LinkedHashMap<>(valid);
            unknown.put("caseRef", UNKNOWN_CASE);
            cases.add(refused("caseRef: a case that does not exist", Request.json(HttpMethod.POST,
                    "/engine-rest/process-definition/key/" + processKey + "/submit-form", user,
                    Map.of("variables", Http.variables(unknown))), "caseRef", null));
        }
        cases.addAll(wholeRequestCases("/engine-rest/process-definition/key/" + processKey + "/submit-form", user, null,
                Map.of("variables", Http.variables(valid))));
        cases.add(refused("an unknown process definition", Request.json(HttpMethod.POST,
                "/engine-rest/process-definition/key/noSuchProcess/submit-form", user, Map.of("variables", Http.variables(valid))),
                "key", null));
        cases.add(dynamicTest("its valid values start the process", () -> {
            lastState = null;
            Answer started = http.send(Request.json(HttpMethod.POST, "/engine-rest/process-definition/key/" + processKey + "/submit-form",
                    user, Map.of("variables", Http.variables(valid))));
            assertThat(started.status()).as(started.body()).isEqualTo(200);
        }));
        return cases.stream();
    }

    // ---- the API --------------------------------------------------------------------------------

    /** One endpoint's cases: each field's bad values in the valid body, and the bodies no endpoint takes. */
    private List<DynamicNode> endpoint(String path, String user, Map<String, Object> valid, List<FieldSpec> fields, Surface surface) {
        ENDPOINTS.incrementAndGet();
        List<DynamicNode> cases = new ArrayList<>();
        for (FieldSpec field : fields) {
            for (var bad : each(field, surface).entrySet()) {
                Map<String, Object> body = Bodies.with(valid, field.name(), bad.getValue());
                cases.add(refused(field.name() + ": " + bad.getKey(), Request.json(HttpMethod.POST, path, user, body), field.name(), null));
            }
        }
        cases.add(turn++ % 2 == 0
                ? refused("text/plain instead of JSON", new Request(HttpMethod.POST, path, user, "text/plain", Http.write(valid)),
                        "Content-Type", null)
                : refused("a form post instead of JSON", new Request(HttpMethod.POST, path, user, "application/x-www-form-urlencoded",
                        "a=b"), "Content-Type", null));
        cases.add(refused("a null body", new Request(HttpMethod.POST, path, user, Http.APPLICATION_JSON, "null"), "body", null));
        cases.add(refused("malformed JSON", new Request(HttpMethod.POST, path, user, Http.APPLICATION_JSON, "{\"a\": "), "body", null));
        cases.add(refused("a JSON list instead of an object", new Request(HttpMethod.POST, path, user, Http.APPLICATION_JSON, "[1]"),
                "body", null));
        cases.add(refused("the wrong method", new Request(HttpMethod.PUT, path, user, Http.APPLICATION_JSON, Http.write(valid)),
                "method", null));
        if (path.contains("/api/cases/")) {
            String unknown = path.replaceFirst("/api/cases/[^/]+", "/api/cases/" + UNKNOWN_CASE);
            cases.add(refused("an unknown case", Request.json(HttpMethod.POST, unknown, user, valid), "caseRef", null));
        }
        return cases;
    }

    private Stream<DynamicNode> contacts() {
        Map<String, Object> child = Journeys.values("firstName", "Api", "lastName", "Contact", "dateOfBirth",
                TestTime.bornYearsAgo(6).toString(), "sex", "M", "ethnicity", "BAFR", "postcode", "B23 6AB", "nhsNumber", "9434765919",
                "upn", "A12345678901B");
        Map<String, Object> valid = Journeys.values("child", child, "referralSource", "3A", "receivedAt", TestTime.now().minusHours(2).toString(),
                "concerns", "GP concerned about weight loss", "concernLevel", "CHILD_IN_NEED", "immediateRisk", false,
                "dvNotification", false, "consent", true, "teamOverride", "team-north");
        List<FieldSpec> fields = List.of(text("child.firstName", true, 100), text("child.lastName", true, 100),
                date("child.dateOfBirth", true), new FieldSpec("child.expectedBirth", FieldSpec.Kind.PLANNED_DATE, false, 0, List.of()),
                code("child.sex", true, List.of("M", "F", "U")), code("child.ethnicity", true, List.of("WBRI", "BAFR")),
                text("child.postcode", true, 8), text("child.nhsNumber", false, 10), text("child.upn", false, 13),
                code("referralSource", true, List.of("3A")), new FieldSpec("receivedAt", DATE_TIME, true, 0, List.of()),
                text("concerns", true, 4000), code("concernLevel", true, List.of("CHILD_IN_NEED")), flag("dvNotification", true),
                flag("consent", true), flag("immediateRisk", false), code("teamOverride", false, List.of("team-north")));
        List<DynamicNode> cases = endpoint("/api/contacts", "worker.north", valid, fields, Surface.RECORD_API);
        for (var bad : Map.of("not a postcode", "NOT A PC", "a postcode outside the UK format", "12345").entrySet()) {
            cases.add(refused("child.postcode: " + bad.getKey(), Request.json(HttpMethod.POST, "/api/contacts", "worker.north",
                    Bodies.with(valid, "child.postcode", bad.getValue())), "child.postcode", null));
        }
        cases.add(refused("child.nhsNumber: a wrong check digit", Request.json(HttpMethod.POST, "/api/contacts", "worker.north",
                Bodies.with(valid, "child.nhsNumber", "9434765918")), "child.nhsNumber", null));
        cases.add(refused("child.upn: not a pupil number", Request.json(HttpMethod.POST, "/api/contacts", "worker.north",
                Bodies.with(valid, "child.upn", "X123")), "child.upn", null));
        Map<String, Object> unborn = Bodies.with(Bodies.with(valid, "child.dateOfBirth", BadValues.MISSING), "child.expectedBirth",
                TestTime.today().plusYears(1).toString());
        cases.add(refused("child.expectedBirth: more than ten months ahead", Request.json(HttpMethod.POST, "/api/contacts", "worker.north",
                unborn), "child.expectedBirth", null));
        cases.add(refused("child.dateOfBirth: 18 years ago", Request.json(HttpMethod.POST, "/api/contacts", "worker.north",
                Bodies.with(valid, "child.dateOfBirth", TestTime.today().minusYears(18).minusDays(1).toString())), "child.dateOfBirth", null));
        cases.add(refused("child: missing", Request.json(HttpMethod.POST, "/api/contacts", "worker.north",
                Bodies.with(valid, "child", BadValues.MISSING)), "child", null));
        return cases.stream();
    }

    private Stream<DynamicNode> panelRequests() {
        ContactRegistered open = journeys.receive("CHILD_IN_NEED", false, TestTime.now().minusHours(1));
        Map<String, Object> valid = new LinkedHashMap<>(Journeys.request("S20_ACCOMMODATION"));
        valid.put("emergencyAdmission", "POLICE_PROTECTION");
        valid.put("emergencyOn", TestTime.today().toString());
        List<FieldSpec> fields = List.of(text("requestReason", true, 4000), code("proposal", true, List.of("S20_ACCOMMODATION")),
                text("riskSummary", true, 4000), text("familyOptions", true, 4000), code("emergencyAdmission", false, List.of("POLICE_PROTECTION")),
                date("emergencyOn", false));
        return endpoint("/api/cases/" + open.caseRef() + "/panel-requests", "manager.north", valid, fields, Surface.MAP_API).stream();
    }

    private Stream<DynamicNode> corrections() {
        Long decision = jdbc.queryForObject("""
                SELECT max(d.id) FROM panel_decision d WHERE NOT EXISTS (SELECT 1 FROM panel_decision s WHERE s.supersedes_id = d.id)""",
                Long.class);
        assertThat(decision).as("a panel decision recorded by the routes above").isNotNull();
        Map<String, Object> valid = Journeys.decision("SUPPORT_AT_HOME", "supportReviewOn", TestTime.today().plusMonths(3).toString(),
                "correctionReason", "The panel agreed support at home");
        List<FieldSpec> fields = List.of(text("correctionReason", true, 2000), code("panelDecision", true, List.of("ADMIT_TO_CARE")),
                code("legalRoute", false, List.of("ISSUE")), planned("supportReviewOn", false), text("informationNeeded", false, 2000),
                text("decisionReasons", true, 4000), text("attendees", true, 2000), text("conditions", false, 2000));
        List<DynamicNode> cases = endpoint("/api/panel/decisions/" + decision + "/corrections", "panel.chair", valid, fields,
                Surface.MAP_API);
        cases.add(refused("supportReviewOn: today (it must be ahead)", Request.json(HttpMethod.POST,
                "/api/panel/decisions/" + decision + "/corrections", "panel.chair",
                Bodies.with(valid, "supportReviewOn", TestTime.today().toString())), "supportReviewOn", null));
        cases.add(refused("an unknown decision", Request.json(HttpMethod.POST, "/api/panel/decisions/999999999/corrections",
                "panel.chair", valid), "decisionId", null));
        cases.add(refused("a decision id that is not a number", Request.json(HttpMethod.POST, "/api/panel/decisions/abc/corrections",
                "panel.chair", valid), "decisionId", null));
        return cases.stream();
    }

    private Stream<DynamicNode> lookedAfter() {
        ContactRegistered notInCare = journeys.receive("CHILD_IN_NEED", false, TestTime.now().minusHours(1));
        ContactRegistered inCare = journeys.receive("SIGNIFICANT_HARM", false, TestTime.now().minusDays(20));
        care.startCare(inCare, TestTime.today().minusDays(10).toString());
        List<String> legal = names(Ssda903.LegalStatus.values());
        List<String> types = names(Ssda903.PlacementType.values());
        List<String> providers = names(Ssda903.PlacementProvider.values());
        List<DynamicNode> cases = new ArrayList<>(endpoint("/api/cases/" + notInCare.caseRef() + "/looked-after", "worker.north",
                Journeys.values("startDate", TestTime.today().toString(), "legalStatus", "L1", "placementType", "U4",
                        "placementProvider", "PR1", "reasonForNewEpisode", "S"),
                List.of(date("startDate", true), code("legalStatus", true, legal), code("placementType", true, types),
                        code("placementProvider", true, providers), code("reasonForNewEpisode", true, List.of("S"))), Surface.RECORD_API));
        String base = "/api/cases/" + inCare.caseRef() + "/looked-after";
        cases.addAll(endpoint(base + "/early-review", "worker.north", Journeys.values("reason", "The care plan changed"),
                List.of(text("reason", true, 2000)), Surface.RECORD_API));
        cases.addAll(endpoint(base + "/placement-changes", "worker.north",
                Journeys.values("startDate", TestTime.today().toString(), "legalStatus", "V2", "placementType", "U5",
                        "placementProvider", "PR1", "reasonForNewEpisode", "P", "intendedUntil18", true),
                List.of(date("startDate", true), code("legalStatus", true, legal), code("placementType", true, types),
                        code("placementProvider", true, providers), code("reasonForNewEpisode", true, List.of("P")),
                        flag("intendedUntil18", false)), Surface.RECORD_API));
        cases.addAll(endpoint(base + "/cease", "worker.north", Journeys.values("ceasedOn", TestTime.today().toString(), "reason", "E4A"),
                List.of(date("ceasedOn", true), code("reason", true, names(Ssda903.ReasonCeased.values()))), Surface.RECORD_API));
        cases.add(refused("startDate: the first episode with reason P", Request.json(HttpMethod.POST,
                "/api/cases/" + notInCare.caseRef() + "/looked-after", "worker.north", Journeys.values("startDate", TestTime.today().toString(),
                        "legalStatus", "L1", "placementType", "U4", "placementProvider", "PR1", "reasonForNewEpisode", "P")),
                "reasonForNewEpisode", null));
        cases.add(refused("startDate: a placement change before the current placement", Request.json(HttpMethod.POST,
                base + "/placement-changes", "worker.north", Journeys.values("startDate", TestTime.today().minusDays(11).toString(),
                        "legalStatus", "V2", "placementType", "U5", "placementProvider", "PR1", "reasonForNewEpisode", "P")), "startDate", null));
        cases.add(refused("ceasedOn: before care began", Request.json(HttpMethod.POST, base + "/cease", "worker.north",
                Journeys.values("ceasedOn", TestTime.today().minusDays(11).toString(), "reason", "E4A")), "ceasedOn", null));
        return cases.stream();
    }

    private Stream<DynamicNode> indicatorRecords() {
        ContactRegistered open = journeys.receive("CHILD_IN_NEED", false, TestTime.now().minusDays(200));
        jdbc.update("""
                INSERT INTO child_protection_enquiry (case_id, strategy_held_on, strategy_attendees, strategy_decision,
                    conference_held_on, conference_outcome, category_of_abuse, recorded_by)
                VALUES (?, ?, 'Police', 'START_S47', ?, 'CP_PLAN', 'NEG', 'test')""", open.caseId(),
                java.sql.Date.valueOf(TestTime.today().minusDays(190)), java.sql.Date.valueOf(TestTime.today().minusDays(180)));
        String base = "/api/cases/" + open.caseRef();
        List<DynamicNode> cases = new ArrayList<>(endpoint(base + "/cp-reviews", "manager.north",
                Journeys.values("heldOn", TestTime.today().minusDays(90).toString()), List.of(date("heldOn", true)), Surface.MAP_API));
        cases.addAll(endpoint(base + "/care-leaver", "worker.north", Journeys.values("accommodation", "U1"),
                List.of(text("accommodation", true, 2)), Surface.MAP_API));
        for (String code : List.of("Q9", "U3", "1U")) {
            cases.add(refused("accommodation: " + code + " is no SSDA903 accommodation code", Request.json(HttpMethod.POST,
                    base + "/care-leaver", "worker.north", Journeys.values("accommodation", code)), "accommodation", null));
        }
        cases.addAll(endpoint(base + "/school-absences", "worker.north", Journeys.values("termEndsOn",
                TestTime.today().minusDays(30).toString(), "daysAbsent", 12),
                List.of(date("termEndsOn", true), new FieldSpec("daysAbsent", NUMBER, true, 0, List.of())), Surface.MAP_API));
        return cases.stream();
    }

    private Stream<DynamicNode> queries() {
        List<DynamicNode> cases = new ArrayList<>();
        List<String> badDates = List.of("not-a-date", TestTime.today() + "garbage", TestTime.today().getYear() + "-02-30",
                "+999999999-12-31", "-999999999-01-01", "0000-01-01", "9999-12-31", TestTime.today() + "T25:00");
        for (String bad : badDates) {
            cases.add(refused("timescales from=" + bad, get("/api/timescales/INITIAL_ASSESSMENT?from=" + encode(bad), "worker.north"),
                    "from", null));
            cases.add(refused("indicators from=" + bad, get("/api/performance/indicators?from=" + encode(bad), "service.manager"),
                    "from", null));
            cases.add(refused("indicators to=" + bad, get("/api/performance/indicators?to=" + encode(bad), "service.manager"), "to", null));
        }
        cases.add(refused("timescales: an unknown rule", get("/api/timescales/NO_SUCH_RULE?from=" + TestTime.today(), "worker.north"),
                "rule", null));
        cases.add(refused("timescales: an unknown profile", get("/api/timescales?profile=WT1999", "worker.north"), "profile", null));
        cases.add(refused("timescales: from is missing", get("/api/timescales/ICPC", "worker.north"), "from", null));
        cases.add(refused("indicators: to before from", get("/api/performance/indicators?from=2026-05-01&to=2026-04-01", "service.manager"),
                "to", null));
        cases.add(refused("indicators: an unknown level", get("/api/performance/indicators?level=county", "service.manager"), "level", null));
        cases.add(refused("indicators: an unknown indicator", get("/api/performance/indicators/NOPE/cases", "service.manager"), "code", null));
        for (String months : List.of("0", "37", "abc", "1e3")) {
            cases.add(refused("trend months=" + months, get("/api/performance/trend?months=" + months, "service.manager"), "months", null));
        }
        cases.add(refused("escalations status=maybe", get("/api/escalations?status=maybe", "manager.north"), "status", null));
        for (String year : List.of("twenty", "20261", "2026-28", "1999", "2199", "%00")) {
            cases.add(refused("returns ssda903 year=" + year, get("/api/returns/ssda903?year=" + year, "performance.officer"), "year", null));
        }
        for (String year : List.of("2024", "abc")) {
            cases.add(refused("returns cin-census year=" + year, get("/api/returns/cin-census/validation?year=" + year,
                    "performance.officer"), "year", null));
        }
        for (String bad : badDates) {
            cases.add(refused("returns annex-a asAt=" + bad, get("/api/returns/annex-a?asAt=" + encode(bad), "performance.officer"),
                    "asAt", null));
        }
        for (String months : List.of("0", "25", "abc")) {
            cases.add(refused("returns annex-a lookBackMonths=" + months, get("/api/returns/annex-a/validation?lookBackMonths=" + months,
                    "performance.officer"), "lookBackMonths", null));
        }
        cases.add(refused("codes: an unknown list", get("/api/codes/NO_SUCH_LIST", "worker.north"), "list", null));
        cases.add(refused("codes: on is not a date", get("/api/codes/PLACEMENT_TYPE?on=garbage", "worker.north"), "on", null));
        for (String query : List.of("page=-1", "page=abc", "size=0", "size=201", "size=1.5")) {
            cases.add(refused("audit " + query, get("/api/audit?" + query, "service.manager"), query.substring(0, query.indexOf('=')), null));
        }
        cases.add(refused("audit: an unknown case", get("/api/audit?caseRef=" + UNKNOWN_CASE, "service.manager"), "caseRef", null));
        cases.add(refused("case summary: an unknown case", get("/api/cases/" + UNKNOWN_CASE, "worker.north"), "caseRef", null));
        cases.add(refused("an unknown API path", get("/api/no-such-thing", "worker.north"), "path", null));
        cases.add(refused("audit: a caseRef with a NUL character", get("/api/audit?caseRef=CSC%00X", "service.manager"), "caseRef", null));
        cases.add(refused("escalations: a team with a NUL character", get("/api/escalations?team=team%00north", "service.manager"),
                "team", null));
        cases.add(refused("engine REST: a query value with a NUL character", get("/engine-rest/task?processInstanceBusinessKey=A%00B",
                "manager.north"), "processInstanceBusinessKey", null));
        cases.add(refused("engine REST: a query parameter of the wrong type", get("/engine-rest/task?maxResults=abc", "manager.north"),
                "maxResults", null));
        cases.add(refused("engine REST: an unknown task", get("/engine-rest/task/no-such-task", "manager.north"), "id", null));
        cases.add(refused("engine REST: an unknown task's form variables", get("/engine-rest/task/no-such-task/form-variables",
                "manager.north"), "id", null));
        cases.add(refused("engine REST: a query body with a date that is not one", Request.json(HttpMethod.POST, "/engine-rest/task",
                "manager.north", Map.of("dueAfter", "garbage")), "dueAfter", null));
        cases.add(refused("engine REST: an unknown process definition's form", get("/engine-rest/process-definition/key/nope/form-variables",
                "manager.north"), "key", null));
        return cases.stream();
    }

    private static Request get(String path, String user) {
        return new Request(HttpMethod.GET, path, user, null, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    // ---- totals ---------------------------------------------------------------------------------

    private void totals() {
        int fiveHundreds = STATUSES.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        int fourHundreds = STATUSES.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500).mapToInt(Map.Entry::getValue).sum();
        System.out.printf("%nBad-input suite: %d cases over %d task forms, 2 start forms and %d API endpoints and queries; "
                + "answers by status %s; 4xx: %d, 5xx: %d%n%n", CASES.get(), TASK_FORMS.get(), ENDPOINTS.get() + 1, STATUSES,
                fourHundreds, fiveHundreds);
        assertThat(fiveHundreds).as("answers 5xx").isZero();
        assertThat(CASES.get()).as("cases").isGreaterThanOrEqualTo(500);
        assertThat(TASK_FORMS.get()).as("task forms covered").isEqualTo(Journeys.FORMS.size());
    }
}
