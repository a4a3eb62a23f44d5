package uk.csc.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.csc.workflow.referral.ReferralDriver.at;
import static uk.csc.workflow.review.LookedAfterDriver.arrangement;
import static uk.csc.workflow.review.LookedAfterDriver.review;
import static uk.csc.workflow.review.LookedAfterDriver.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.DeadlineStatus;
import uk.csc.workflow.clocks.DeadlineView;
import uk.csc.workflow.codes.Ssda903;
import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * Visits, placement changes, escalation and the end of care in lookedAfterReviews.bpmn. Expected
 * dates are worked out by hand in the comments (weeks and months are calendar time; working days
 * skip weekends and England and Wales bank holidays; deadlines end at 23:59:59 London).
 */
@PostgresIntegrationTest
class PeriodOfCareProcessTest {

    static final CurrentUser WORKER = new CurrentUser("worker.north", Set.of("practitioner", "team-north"));

    @Autowired
    LookedAfterDriver care;
    @Autowired
    CaseClocks deadlines;
    @Autowired
    ReviewService reviews;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void tenthOfDecember() {
        at("2026-12-10T10:00");
    }


    private static PlacementChange placement(String start, String legalStatus, String rne) {
        return new PlacementChange(LocalDate.parse(start), legalStatus, "U5", "PR4", rne, true);
    }

    private List<String> problemsOf(Runnable call) {
        BadRequestException e = catchThrowableOfType(BadRequestException.class, call::run);
        assertThat(e).as("a refusal").isNotNull();
        return e.problems().stream().map(p -> p.field() + ": " + p.reason()).toList();
    }

    @Test
    void visitsCountFromTheLastVisitAndStartAgainWhenThePlacementChanges() {
        ContactRegistered c = care.childBorn("2013-09-14");
        String pi = care.startCare(c, "2026-12-10");

        // VISIT_FIRST: a calendar week from Thursday 10 December 2026 is Thursday 17 December.
        assertThat(care.taskDue(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT)).isEqualTo(Instant.parse("2026-12-17T23:59:59Z"));
        // Reminder one working day before, 16 Dec 09:00 GMT; service manager 5 working days after:
        // 18, 21, 22, 23, 24 December.
        assertThat(care.timerDue(pi, LookedAfterReviewsModel.Elements.VISIT_REMINDER)).isEqualTo(Instant.parse("2026-12-16T09:00:00Z"));
        assertThat(care.timerDue(pi, LookedAfterReviewsModel.Elements.VISIT_SERVICE_MANAGER)).isEqualTo(Instant.parse("2026-12-24T23:59:59Z"));
        at("2026-12-16T14:00");
        care.asWorker(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT, visit("2026-12-16", true));

        // VISIT_NEXT, 6 weeks from the visit: 23, 30 Dec, 6, 13, 20, 27 Jan: Wednesday 27 January 2027.
        assertThat(care.taskDue(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT)).isEqualTo(Instant.parse("2027-01-27T23:59:59Z"));
        at("2027-01-20T14:00");
        assertThatThrownBy(() -> care.asWorker(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT, visit("2026-12-15", true)))
                .hasMessageContaining("visitedOn: cannot be before 2026-12-16");
        assertThatThrownBy(() -> care.asWorker(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT, visit("2027-01-21", true)))
                .hasMessageContaining("visitedOn: cannot be in the future");
        care.asWorker(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT, visit("2027-01-20", false));
        // 6 weeks from 20 Jan: 27 Jan, 3, 10, 17, 24 Feb, 3 Mar: Wednesday 3 March.
        assertThat(care.taskDue(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT)).isEqualTo(Instant.parse("2027-03-03T23:59:59Z"));

        at("2027-02-15T11:00");
        assertThat(problemsOf(() -> care.care.changePlacement(c.caseRef(), placement("2027-02-15", "V2", "S"), WORKER)))
                .containsExactly("reasonForNewEpisode: a placement change has reason P, T, B or U");
        assertThat(problemsOf(() -> care.care.changePlacement(c.caseRef(), placement("2027-02-15", "V2", "B"), WORKER)))
                .containsExactly("legalStatus: reason B changes the legal status: give the new one (now V2)");
        assertThat(problemsOf(() -> care.care.changePlacement(c.caseRef(), placement("2027-02-15", "C2", "P"), WORKER)))
                .containsExactly("legalStatus: reason P keeps the legal status V2; use B or U when it changes too");
        assertThat(problemsOf(() -> care.care.changePlacement(c.caseRef(), placement("2027-01-19", "V2", "P"), WORKER)))
                .containsExactly("startDate: cannot be before the last visit, made on 2027-01-20");
        assertThat(problemsOf(() -> care.care.changePlacement(c.caseRef(), placement("2026-12-10", "V2", "T"), WORKER)))
                .containsExactly("startDate: must be after the current placement started (2026-12-10)");
        assertThat(problemsOf(() -> care.care.changePlacement(c.caseRef(), placement("2027-02-16", "V2", "P"), WORKER)))
                .containsExactly("startDate: cannot be in the future");
        // Monday 15 February 2027: new foster carers (P), meant to last until 18.
        care.care.changePlacement(c.caseRef(), placement("2027-02-15", "V2", "P"), WORKER);

        // The visit clock starts again: a week from 15 February is Monday 22 February.
        assertThat(care.taskDue(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT)).isEqualTo(Instant.parse("2027-02-22T23:59:59Z"));
        assertThat(runtime.getVariables(pi)).containsEntry("placementType", "U5").containsEntry("reasonForNewEpisode", "P")
                .doesNotContainKey("changedBy");
        at("2027-02-22T12:00");
        care.asWorker(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT, visit("2027-02-22", false));
        // 6 weeks: 1, 8, 15, 22, 29 Mar, 5 Apr: Monday 5 April 2027 (Easter Monday does not matter
        // in calendar weeks); BST, so 22:59:59 UTC.
        assertThat(care.taskDue(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT)).isEqualTo(Instant.parse("2027-04-05T22:59:59Z"));
        at("2027-04-01T12:00");
        care.asWorker(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT, visit("2027-04-01", true));
        // 6 weeks: 8, 15, 22, 29 Apr, 6, 13 May: Thursday 13 May.
        assertThat(care.taskDue(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT)).isEqualTo(Instant.parse("2027-05-13T22:59:59Z"));
        // Made very late on Monday 14 February 2028, the day before the placement's first
        // anniversary: still its first year, so 6 weeks: 21, 28 Feb, 6, 13, 20, 27 Mar (2028 is a
        // leap year): Monday 27 March 2028, BST from 26 March.
        at("2028-02-14T12:00");
        care.asWorker(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT, visit("2028-02-14", true));
        assertThat(care.taskDue(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT)).isEqualTo(Instant.parse("2028-03-27T22:59:59Z"));
        // Wednesday 16 February 2028, after the anniversary (15 February): the placement is meant to
        // last until 18, so VISIT_LONG_TERM, 3 months: Tuesday 16 May 2028.
        at("2028-02-16T12:00");
        care.asWorker(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT, visit("2028-02-16", true));
        assertThat(care.taskDue(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT)).isEqualTo(Instant.parse("2028-05-16T22:59:59Z"));

        assertThat(jdbc.queryForList("""
                SELECT sequence_number || ' ' || rule || ' ' || due_on || ' ' || COALESCE(CAST(visited_on AS VARCHAR), '-') || ' '
                       || COALESCE(CAST(seen_alone AS VARCHAR), '-') || ' ' || COALESCE(CAST(cancelled_on AS VARCHAR), '-')
                FROM looked_after_visit WHERE case_id = ? ORDER BY sequence_number""", String.class, c.caseId()))
                .containsExactly(
                        "1 VISIT_FIRST 2026-12-17 2026-12-16 true -",
                        "2 VISIT_NEXT 2027-01-27 2027-01-20 false -",
                        "3 VISIT_NEXT 2027-03-03 - - 2027-02-15",
                        "4 VISIT_FIRST 2027-02-22 2027-02-22 false -",
                        "5 VISIT_NEXT 2027-04-05 2027-04-01 true -",
                        "6 VISIT_NEXT 2027-05-13 2028-02-14 true -",
                        "7 VISIT_NEXT 2028-03-27 2028-02-16 true -",
                        "8 VISIT_LONG_TERM 2028-05-16 - - -");
        // Two SSDA903 episodes: the first ended (X1) the day the second started.
        assertThat(jdbc.queryForList("""
                SELECT started_on || ' ' || reason_new_episode || ' ' || legal_status || ' ' || placement_type || ' '
                       || placement_provider || ' ' || intended_until_18 || ' ' || COALESCE(CAST(ended_on AS VARCHAR), '-')
                       || ' ' || COALESCE(reason_ceased, '-')
                FROM looked_after_episode WHERE case_id = ? ORDER BY started_on""", String.class, c.caseId()))
                .containsExactly("2026-12-10 S V2 U4 PR1 false 2027-02-15 X1", "2027-02-15 P V2 U5 PR4 true - -");
        // The old placement's visit clock stopped on the day it ended; the late visit is MET_LATE.
        assertThat(deadlines.deadlinesOf(c.caseId())).filteredOn(d -> d.rule().startsWith("VISIT"))
                .extracting(DeadlineView::occurrence, DeadlineView::status)
                .contains(org.assertj.core.groups.Tuple.tuple("visit-3", DeadlineStatus.MET),
                        org.assertj.core.groups.Tuple.tuple("visit-6", DeadlineStatus.MET_LATE));
    }

    @Test
    void everyClockOfAPeriodOfCareRemindsAndEscalates() {
        ContactRegistered c = care.childBorn("2011-02-11");
        String pi = care.startCare(c, "2026-12-10");

        // A review's reminder puts the review first in the IRO's list, not the social worker's visit.
        at("2026-12-24T09:00");
        care.fire(pi, LookedAfterReviewsModel.Elements.REVIEW_REMINDER);
        assertThat(care.drive.task(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW).getPriority()).isEqualTo(75);
        assertThat(care.drive.task(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT).getPriority()).isEqualTo(50);

        at("2027-01-20T10:00");
        care.fire(pi, LookedAfterReviewsModel.Elements.VISIT_REMINDER);
        for (String ladder : List.of("Visit", "Review")) {
            care.fire(pi, "BoundaryEvent_" + ladder + "Due");
            care.fire(pi, "BoundaryEvent_" + ladder + "ServiceManager");
        }
        // The engine keeps running the case: the review and the visit are still to do.
        var arranged = arrangement("2027-01-20", "2027-01-13");
        arranged.put("plannedLateReason", "IRO off sick");
        care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, arranged);
        var late = review("2027-01-20", "PN1");
        late.put("lateReason", "IRO off sick");
        care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, late);
        care.fire(pi, LookedAfterReviewsModel.Elements.SIGN_OFF_REMINDER);
        care.fire(pi, LookedAfterReviewsModel.Elements.SIGN_OFF_DUE);
        care.fire(pi, LookedAfterReviewsModel.Elements.SIGN_OFF_SERVICE_MANAGER);

        // The case is not allocated yet, so reminders go to the team; a review's breach goes to the
        // IRO service as well as the team manager.
        assertThat(jdbc.queryForList("SELECT rule || ' ' || level || ' ' || notified FROM escalation WHERE case_id = ? ORDER BY id",
                String.class, c.caseId())).containsExactly(
                "LAC_REVIEW_FIRST REMINDER group:team-north,group:iro",
                "VISIT_FIRST REMINDER group:team-north",
                "VISIT_FIRST TEAM_MANAGER manager.north",
                "VISIT_FIRST SERVICE_MANAGER group:service-manager",
                "LAC_REVIEW_FIRST TEAM_MANAGER manager.north,group:iro",
                "LAC_REVIEW_FIRST SERVICE_MANAGER group:service-manager",
                "LAC_REVIEW_SIGN_OFF REMINDER group:team-north",
                "LAC_REVIEW_SIGN_OFF TEAM_MANAGER manager.north",
                "LAC_REVIEW_SIGN_OFF SERVICE_MANAGER group:service-manager");
        // The IROs see the review breach in Tasklist beside the team manager.
        var acknowledge = tasks.createTaskQuery().processInstanceBusinessKey(c.caseRef())
                .taskDefinitionKey(StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION);
        assertThat(acknowledge.taskCandidateGroup("iro").count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(c.caseRef()).taskDefinitionKey(StatutoryEscalationModel.Tasks.ACKNOWLEDGE_ESCALATION)
                .taskCandidateUser("manager.north").count()).isEqualTo(3);
        assertThat(reviews.reviewsOf(c.caseId()).get(0).status()).isEqualTo("MET_LATE");
        care.drive.task(pi, LookedAfterReviewsModel.Tasks.RECORD_VISIT);
    }

    @Test
    void ceasingToBeLookedAfterCancelsEveryTimerAndStopsEveryClock() {
        ContactRegistered c = care.childBorn("2010-05-05");
        String pi = care.startCare(c, "2026-12-10");
        at("2027-01-08T15:00");
        care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, arrangement("2027-01-08", "2026-12-14"));
        care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, review("2027-01-08", "PN1"));
        // Waiting: review 2's invitations, the sign-off of review 1, the first visit, each with timers.
        assertThat(management.createJobQuery().processInstanceId(pi).timers().count()).isEqualTo(10);

        at("2027-01-12T10:00");
        assertThat(problemsOf(() -> care.care.cease(c.caseRef(), new Ceasing(LocalDate.parse("2027-01-07"), "E4A"), WORKER)))
                .containsExactly("ceasedOn: cannot be before 2027-01-08 (the current placement, last review or last visit)");
        assertThat(problemsOf(() -> care.care.cease(c.caseRef(), new Ceasing(LocalDate.parse("2027-01-13"), "X1"), WORKER)))
                .containsExactlyInAnyOrder("ceasedOn: cannot be in the future",
                        "reason: 'X1' is not one of " + List.of(Ssda903.ReasonCeased.values()));
        // Tuesday 12 January 2027: returned home to parents as planned (E4A).
        care.care.cease(c.caseRef(), new Ceasing(LocalDate.parse("2027-01-12"), "E4A"), WORKER);

        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndTime()).isNotNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId(LookedAfterReviewsModel.Elements.END_CEASED_LOOKED_AFTER)
                .finished().count()).isEqualTo(1);
        assertThat(management.createJobQuery().processInstanceId(pi).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(pi).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM statutory_deadline WHERE case_id = ? AND completed_on IS NULL",
                Integer.class, c.caseId())).isZero();
        assertThat(jdbc.queryForMap("SELECT ended_on, reason_ceased, ended_by FROM looked_after_period WHERE case_id = ?", c.caseId()))
                .containsEntry("ended_on", java.sql.Date.valueOf("2027-01-12")).containsEntry("reason_ceased", "E4A")
                .containsEntry("ended_by", "worker.north");
        assertThat(jdbc.queryForMap("SELECT ended_on, reason_ceased FROM looked_after_episode WHERE case_id = ?", c.caseId()))
                .containsEntry("ended_on", java.sql.Date.valueOf("2027-01-12")).containsEntry("reason_ceased", "E4A");
        assertThat(reviews.reviewsOf(c.caseId())).extracting(ReviewView::status).containsExactly("MET", "CANCELLED");
        assertThat(jdbc.queryForObject("SELECT cancelled_on FROM looked_after_visit WHERE case_id = ?", java.sql.Date.class, c.caseId()))
                .isEqualTo(java.sql.Date.valueOf("2027-01-12"));
        assertThat(problemsOf(() -> care.care.cease(c.caseRef(), new Ceasing(LocalDate.parse("2027-01-12"), "E4A"), WORKER)))
                .containsExactly("caseRef: " + c.caseRef() + " is not looked after");

        // The child may come back into care later, in a new period that does not overlap the last.
        at("2027-01-14T10:00");
        assertThat(problemsOf(() -> care.startCare(c, "2027-01-11")))
                .containsExactly("startDate: overlaps the previous period of care, which ended on 2027-01-12");
        care.startCare(c, "2027-01-13");
        // The case's review numbering continues; the new period starts with a first review.
        assertThat(reviews.reviewsOf(c.caseId())).last().extracting(ReviewView::sequenceNumber, ReviewView::rule,
                r -> r.countedFrom().toString()).containsExactly(3, "LAC_REVIEW_FIRST", "2027-01-13");
    }

    @Test
    void becomingLookedAfterIsValidatedAndNeverOverlaps() {
        ContactRegistered c = care.childBorn("2016-01-01");

        assertThat(problemsOf(() -> care.care.startCare(c.caseId(),
                new LookedAfterStart(LocalDate.parse("2026-12-11"), "XX", "U9", "PR6", "P"), "worker.north")))
                .extracting(p -> p.substring(0, p.indexOf(':')))
                .containsExactlyInAnyOrder("startDate", "legalStatus", "placementType", "placementProvider", "reasonForNewEpisode");
        assertThat(problemsOf(() -> care.care.startCare(c.caseId(), new LookedAfterStart(null, null, null, null, null), "worker.north")))
                .containsExactlyInAnyOrder("startDate: is required", "legalStatus: is required", "placementType: is required",
                        "placementProvider: is required", "reasonForNewEpisode: is required");
        assertThat(problemsOf(() -> care.startCare(c, "2015-12-31")))
                .containsExactly("startDate: cannot be before the child was born");
        // Nothing was stored and no process started.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM looked_after_period WHERE case_id = ?", Integer.class, c.caseId())).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LookedAfterReviewsModel.PROCESS_ID)
                .processInstanceBusinessKey(c.caseRef()).count()).isZero();

        String pi = care.startCare(c, "2026-12-10");
        assertThat(jdbc.queryForObject("SELECT process_instance_id FROM looked_after_period WHERE case_id = ?", String.class,
                c.caseId())).isEqualTo(pi);
        assertThat(problemsOf(() -> care.startCare(c, "2026-12-10")))
                .containsExactly("startDate: the child is already looked after, since 2026-12-10");
    }
}
