package uk.csc.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.review.LookedAfterReviewsModel;
import uk.csc.workflow.support.PostgresIntegrationTest;

/** Tasklist's "Start process" offers only the routes a person starts, each with its start form. */
@PostgresIntegrationTest
class StartableProcessesTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void onlyTheFrontDoorAndThePanelCanBeStartedFromTasklist() {
        List<Map<String, Object>> startable = rest.withBasicAuth("manager.north", "demo").exchange(
                "/engine-rest/process-definition?startableInTasklist=true&latestVersion=true", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();

        // Other tests may have deployed test models of their own: only the product's models count.
        List<String> product = List.of(ReferralToAssessmentModel.PROCESS_ID, ReceptionIntoCarePanelModel.PROCESS_ID, LookedAfterReviewsModel.PROCESS_ID, StatutoryEscalationModel.PROCESS_ID);
        assertThat(startable).extracting(d -> (String) d.get("key")).filteredOn(product::contains)
                .containsExactlyInAnyOrder(ReferralToAssessmentModel.PROCESS_ID, ReceptionIntoCarePanelModel.PROCESS_ID);
    }
}
