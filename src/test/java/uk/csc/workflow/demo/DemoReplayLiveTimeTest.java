package uk.csc.workflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.plans.process.PlanStarts;
import uk.csc.workflow.platform.time.HistoryReplay;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.referral.process.FrontDoor;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;
import uk.csc.workflow.timescales.GuidanceProfileSetting;
import uk.csc.workflow.timescales.StatutoryTimescales;

/** The demo replay moves the engine's clock to past days, yet a request served meanwhile sees today. */
@PostgresIntegrationTest
class DemoReplayLiveTimeTest {

    @Autowired FrontDoor frontDoor;
    @Autowired CaseFileService cases;
    @Autowired TaskService tasks;
    @Autowired TimeSource time;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired StatutoryTimescales timescales;
    @Autowired DemoTaskValues values;
    @Autowired GuidanceProfileSetting profiles;
    @Autowired DemoRecords records;
    @Autowired HistoryReplay history;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlanStarts plans;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;

    @Test
    void requestsServedWhileTheReplayRunsSeeToday() throws InterruptedException {
        var seeder = new DemoCitySeeder(frontDoor, cases, tasks, time, management, runtime, identity, timescales, values,
                profiles, records, history, events, plans, 25, 1);
        history.started();
        Thread replay = new Thread(seeder::seed, "test-replay");
        replay.start();

        List<Instant> answeredAt = new ArrayList<>();
        List<Instant> casesOpenedAt = new ArrayList<>();
        while (history.running()) {
            // A refused contact answers with the server's "now"; a recorded one opens a case "now".
            ResponseEntity<Map> refused = rest.withBasicAuth("worker.north", "demo").postForEntity("/api/contacts", Map.of(), Map.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            answeredAt.add(Instant.parse((String) refused.getBody().get("timestamp")));

            ResponseEntity<Map> recorded = rest.withBasicAuth("worker.north", "demo").postForEntity("/api/contacts", contact(), Map.class);
            assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            casesOpenedAt.add(jdbc.queryForObject("SELECT opened_at FROM care_case WHERE case_ref = ?", Timestamp.class,
                    recorded.getBody().get("caseRef")).toInstant());
        }
        replay.join();

        assertThat(answeredAt).as("requests served during the replay").isNotEmpty().allMatch(TestTime.base()::equals);
        assertThat(casesOpenedAt).isNotEmpty().allMatch(TestTime.base()::equals);
        LocalDate replayFrom = TestTime.today().minusDays(25);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM care_case WHERE opened_at >= ? AND opened_at < ?", Integer.class,
                Timestamp.from(replayFrom.atStartOfDay(StatutoryTimescales.STATUTORY_ZONE).toInstant()),
                Timestamp.from(TestTime.today().atStartOfDay(StatutoryTimescales.STATUTORY_ZONE).toInstant())))
                .as("the replay's own cases are dated in the past").isPositive();
        assertThat(time.now()).as("the live clock after the replay").isEqualTo(TestTime.base());
    }

    /** The same child each time: known by an NHS number, so each later contact links to it (not a proposed match). */
    private static final String LIVE_CHILD_NHS_NUMBER = uk.csc.workflow.support.NhsNumbers.next();

    private static Map<String, Object> contact() {
        Map<String, Object> child = new HashMap<>(Map.of("firstName", "Live", "lastName", "Request",
                "dateOfBirth", TestTime.bornYearsAgo(9).toString(), "sex", "F", "ethnicity", "WBRI", "postcode", "B23 6AB",
                "nhsNumber", LIVE_CHILD_NHS_NUMBER));
        return new HashMap<>(Map.of("child", child, "referralSource", "2A", "receivedAt", TestTime.now().minusMinutes(5).toString(),
                "concerns", "Teacher concerned about bruising", "concernLevel", "CHILD_IN_NEED", "immediateRisk", false,
                "dvNotification", false, "consent", true));
    }
}
