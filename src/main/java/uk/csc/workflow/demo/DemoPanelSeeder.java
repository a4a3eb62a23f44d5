package uk.csc.workflow.demo;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.panel.process.PanelIntake;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.process.FrontDoor;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * Demo profile: a request waiting for the panel chair in Tasklist on first start. The request
 * goes through the real front door and panel intake; the seeder then convenes the sitting (runs
 * its timer) so the chair's decision task is open at once rather than next sitting day.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = {"csc.demo.enabled", "csc.demo.seed-cases"}, havingValue = "true")
class DemoPanelSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPanelSeeder.class);
    private static final CurrentUser MANAGER_NORTH = new CurrentUser("manager.north", Set.of("team-manager", "team-north"));

    private final FrontDoor frontDoor;
    private final PanelIntake intake;
    private final CaseFileService cases;
    private final ManagementService management;
    private final JdbcClient jdbc;
    private final TimeSource time;

    DemoPanelSeeder(FrontDoor frontDoor, PanelIntake intake, CaseFileService cases, ManagementService management, JdbcClient jdbc,
                    TimeSource time) {
        this.time = time;
        this.frontDoor = frontDoor;
        this.intake = intake;
        this.cases = cases;
        this.management = management;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!cases.wasEmptyAtStart()) {
            return;
        }
        var child = new ContactRequest.Child("Ruby", "Clarke", LocalDate.of(2014, 6, 18), null, "F", "WBRI", "B42 1QZ", null, null);
        var contact = frontDoor.receive(new ContactRequest(child, "5A", time.now().atZone(StatutoryTimescales.STATUTORY_ZONE).toOffsetDateTime(),
                "Demo: mother in hospital, no safe carer at home", "SIGNIFICANT_HARM", false, false, true, null),
                new CurrentUser("worker.north", Set.of("practitioner", "team-north")));
        var request = intake.request(cases.get(contact.caseRef()), Map.of(
                "requestReason", "No safe carer while mother is in hospital",
                "proposal", "S20_ACCOMMODATION",
                "riskSummary", "Child alone at home for two days; mother consents to accommodation",
                "familyOptions", "Aunt assessed, can offer weekends only"), MANAGER_NORTH);
        String processInstanceId = (String) request.get("processInstanceId");
        management.createJobQuery().processInstanceId(processInstanceId).timers().list()
                .forEach(sitting -> management.executeJob(sitting.getId()));
        log.info("Demo panel request waiting for the chair's decision");
    }
}
