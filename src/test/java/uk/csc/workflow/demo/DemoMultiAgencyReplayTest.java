package uk.csc.workflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.plans.process.PlanStarts;
import uk.csc.workflow.platform.time.HistoryReplay;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.referral.MultiAgencyChildProtectionSetting;
import uk.csc.workflow.referral.process.FrontDoor;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.timescales.GuidanceProfileSetting;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * A council that runs multi-agency child protection teams (csc.child-protection.multi-agency on) can still run the
 * demo city: its replayed strategy discussions are led by Team North's lead practitioner (a service manager in
 * Team South, which has none), with the agencies' contributions.
 */
@PostgresIntegrationTest
class DemoMultiAgencyReplayTest {

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
    @Autowired JdbcTemplate jdbc;
    @Autowired MultiAgencyChildProtectionSetting setting;

    @AfterEach
    void settingOff() {
        setting.switchTo(false);
    }

    @Test
    void theReplayedCityRunsItsStrategyDiscussionsWithTheTeams() {
        long contributionsBefore = count("SELECT count(*) FROM child_protection_contribution");
        long enquiriesBefore = count("SELECT count(*) FROM child_protection_enquiry WHERE lead_practitioner IS NOT NULL");
        setting.switchTo(true);
        var seeder = new DemoCitySeeder(frontDoor, cases, tasks, time, management, runtime, identity, timescales, values,
                profiles, records, history, events, plans, 60, 1);
        history.started();
        seeder.seed();

        assertThat(count("SELECT count(*) FROM child_protection_enquiry WHERE lead_practitioner IS NOT NULL") - enquiriesBefore)
                .as("strategy discussions the replay's leads held").isPositive();
        assertThat(count("SELECT count(*) FROM child_protection_contribution") - contributionsBefore)
                .as("the agencies' contributions in the replay").isPositive();
        assertThat(jdbc.queryForList("SELECT DISTINCT agency FROM child_protection_contribution", String.class))
                .containsExactlyInAnyOrder("POLICE", "HEALTH", "EDUCATION");
        assertThat(jdbc.queryForList("SELECT DISTINCT lead_practitioner FROM child_protection_enquiry WHERE lead_practitioner IS NOT NULL",
                String.class)).isSubsetOf("lead.cp", "service.manager");
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
