package uk.csc.workflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/** The Tasklist filters each role starts with, as Tasklist reads them through the REST API. */
@PostgresIntegrationTest
class TasklistFiltersTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    FilterService filters;
    @Autowired
    TasklistFilters tasklistFilters;
    @Autowired
    ReferralDriver drive;


    private List<String> filtersSeenBy(String user) {
        return rest.withBasicAuth(user, "demo").exchange("/engine-rest/filter?resourceType=Task", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody().stream()
                .map(f -> (String) f.get("name")).toList();
    }

    @Test
    void eachRoleSeesItsFilters() {
        assertThat(filtersSeenBy("worker.north")).containsExactly("My tasks", "My team", "Due in 2 working days", "Overdue",
                "Child protection plans", "Child in need plans", "Family Help plans");
        assertThat(filtersSeenBy("manager.north")).containsExactly("My tasks", "My team", "Due in 2 working days", "Overdue",
                "Escalations", "Panel agenda", "Child protection plans", "Child in need plans", "Family Help plans");
        assertThat(filtersSeenBy("panel.chair")).contains("Panel agenda").doesNotContain("Escalations", "Child protection plans");
        // The conference chair (the IRO service) finds the review conferences there.
        assertThat(filtersSeenBy("iro")).contains("Child protection plans").doesNotContain("Child in need plans", "Family Help plans");
    }

    @Test
    void myTeamListsTheTeamsTasksAndOnlyThose() {
        var north = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", true, false, true, TestTime.now().toString()));
        String myTeam = filters.createFilterQuery().filterName("My team").singleResult().getId();

        List<Map<String, Object>> seenByNorth = rest.withBasicAuth("worker.north", "demo").exchange(
                "/engine-rest/filter/" + myTeam + "/list?maxResults=500", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        List<Map<String, Object>> seenBySouth = rest.withBasicAuth("worker.south", "demo").exchange(
                "/engine-rest/filter/" + myTeam + "/list?maxResults=500", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();

        assertThat(seenByNorth).anySatisfy(t -> assertThat(t).containsEntry("processInstanceId", north.processInstanceId())
                .containsEntry("name", "Social care: contribute to screening"));
        assertThat(seenBySouth).noneSatisfy(t -> assertThat(t).containsEntry("processInstanceId", north.processInstanceId()));
    }

    @Test
    void dueSoonMeansTheEndOfTheSecondWorkingDay() {
        // Thursday 24 December 2026: the next two working days are 29 and 30 December.
        ReferralDriver.at("2026-12-24T11:00");
        tasklistFilters.refreshDueSoon();

        TaskQuery query = filters.getFilter(filters.createFilterQuery().filterName("Due in 2 working days").singleResult().getId())
                .getQuery();
        assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) query).getDueBefore().toInstant())
                .isEqualTo(Instant.parse("2026-12-30T23:59:59Z"));
    }
}
