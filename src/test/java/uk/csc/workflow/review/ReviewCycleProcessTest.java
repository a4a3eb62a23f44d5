package uk.csc.workflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;
import static uk.csc.workflow.referral.ReferralDriver.at;
import static uk.csc.workflow.review.LookedAfterDriver.arrangement;
import static uk.csc.workflow.review.LookedAfterDriver.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.DeadlineStatus;
import uk.csc.workflow.clocks.DeadlineView;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * The regulation 33 review cycle of lookedAfterReviews.bpmn on the real engine and PostgreSQL.
 * Every expected date is worked out by hand in the comments from the England and Wales bank
 * holidays (2025-2027 from the data file; 2028 and 2029 from the standing pattern: 2028 New Year
 * substitute 3 Jan, Easter 14 and 17 Apr, 1 and 29 May, 28 Aug, 25 and 26 Dec; 2029 1 Jan, Easter
 * 30 Mar and 2 Apr, 7 and 28 May, 27 Aug). A review's invitations are due 20 working days and its
 * reminder 10 working days before the due date, both at 09:00 London; the deadline is the end of
 * the due day in London (BST, UTC+1, from the last Sunday of March to the last Sunday of October).
 */
@PostgresIntegrationTest
class ReviewCycleProcessTest {

    @Autowired
    LookedAfterDriver care;
    @Autowired
    ReviewService reviews;
    @Autowired
    CaseClocks deadlines;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void tenthOfDecember() {
        BpmnAwareTests.init(engine);
        at("2026-12-10T10:00");
    }


    private void assertReviewClock(String pi, String inviteAt, String remindAt, String dueAt) {
        if (inviteAt != null) {
            assertThat(care.timerDue(pi, LookedAfterReviewsModel.Elements.INVITATIONS_DUE)).as("invitations").isEqualTo(Instant.parse(inviteAt));
        }
        assertThat(care.timerDue(pi, LookedAfterReviewsModel.Elements.REVIEW_REMINDER)).as("reminder").isEqualTo(Instant.parse(remindAt));
        assertThat(care.timerDue(pi, LookedAfterReviewsModel.Elements.REVIEW_DUE)).as("deadline").isEqualTo(Instant.parse(dueAt));
    }

    /** Invitations are due: the timer fires, the IRO arranges the review. */
    private void invitationsDue(String pi, String sentOn, String plannedFor) {
        at(sentOn + "T09:30");
        care.fire(pi, LookedAfterReviewsModel.Elements.INVITATIONS_DUE);
        care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, arrangement(plannedFor, sentOn));
    }

    private void held(String pi, String heldOn, String participation) {
        at(heldOn + "T16:00");
        care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, review(heldOn, participation));
        care.signOff(pi);
    }

    @Test
    void threeYearsOfReviewsEachCountedFromTheDateThePreviousOneWasHeld() {
        ContactRegistered c = care.childBorn("2015-03-02");
        // Became looked after on Thursday 10 December 2026.
        String pi = care.startCare(c, "2026-12-10");

        // Review 1 (LAC_REVIEW_FIRST, 20 working days): 11, 14-18, 21-24 Dec (10), 29-31 Dec (13), 4-8 Jan (18),
        // 11, 12 Jan (20): due Tuesday 12 January 2027; 25 and 28 Dec and 1 Jan are bank holidays.
        // Invitations: 20 working days back from 12 Jan is 10 Dec itself, so the IRO arranges it at once.
        // Reminder: 10 working days back is 24 Dec (11, 8, 7, 6, 5, 4 Jan, 31, 30, 29, 24 Dec). GMT.
        BpmnAwareTests.assertThat(BpmnAwareTests.processInstanceQuery().processInstanceId(pi).singleResult())
                .isWaitingAt(LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, LookedAfterReviewsModel.Tasks.RECORD_VISIT);
        assertReviewClock(pi, null, "2026-12-24T09:00:00Z", "2027-01-12T23:59:59Z");
        assertThat(care.taskDue(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW)).isEqualTo(Instant.parse("2027-01-12T23:59:59Z"));
        // Service manager: 5 working days after 12 Jan: 13, 14, 15, 18, 19 Jan.
        assertThat(care.timerDue(pi, LookedAfterReviewsModel.Elements.REVIEW_SERVICE_MANAGER)).isEqualTo(Instant.parse("2027-01-19T23:59:59Z"));
        at("2026-12-14T11:00");
        care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, arrangement("2027-01-08", "2026-12-14"));

        // Held on Friday 8 January 2027, on time. The team manager signs off within 5 working days:
        // 11, 12, 13, 14, 15 Jan.
        at("2027-01-08T16:00");
        care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, review("2027-01-08", "PN1"));
        assertThat(care.taskDue(pi, LookedAfterReviewsModel.Tasks.SIGN_OFF_REVIEW)).isEqualTo(Instant.parse("2027-01-15T23:59:59Z"));
        care.signOff(pi);

        // Review 2 (LAC_REVIEW_SECOND, 3 months from 8 Jan): Thursday 8 April 2027.
        // Invitations 20 working days back: 7-1 Apr (5), 31, 30 Mar (7; Easter Monday 29 and Good Friday
        // 26 Mar skipped), 25-22 Mar (11), 19-15 (16), 12-9 Mar (20): Tuesday 9 March, GMT.
        // Reminder 10 back: ... 25, 24, 23 Mar: 23 March, still GMT (BST starts 28 March).
        // Deadline: end of 8 April BST = 22:59:59 UTC.
        assertReviewClock(pi, "2027-03-09T09:00:00Z", "2027-03-23T09:00:00Z", "2027-04-08T22:59:59Z");
        // Service manager: 9, 12, 13, 14, 15 April.
        assertThat(care.timerDue(pi, LookedAfterReviewsModel.Elements.REVIEW_SERVICE_MANAGER)).isEqualTo(Instant.parse("2027-04-15T22:59:59Z"));
        at("2027-03-09T09:30");
        care.fire(pi, LookedAfterReviewsModel.Elements.INVITATIONS_DUE);
        // Planned after the due date: the IRO must say why.
        assertThatThrownBy(() -> care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, arrangement("2027-04-15", "2027-03-09")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("plannedLateReason");
        var lateArrangement = arrangement("2027-04-15", "2027-03-09");
        lateArrangement.put("plannedLateReason", "The mother is in hospital until 14 April");
        care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, lateArrangement);
        // The review is missed: the deadline escalates to the team manager and the IRO service.
        at("2027-04-09T00:05");
        care.fire(pi, LookedAfterReviewsModel.Elements.REVIEW_DUE);
        assertThat(jdbc.queryForList("SELECT level || ' ' || notified FROM escalation WHERE case_id = ? AND rule = 'LAC_REVIEW_SECOND'",
                String.class, c.caseId())).containsExactly("TEAM_MANAGER manager.north,group:iro");
        // Held late on 15 April, with the reason: recorded as late, not hidden.
        at("2027-04-15T16:00");
        var lateReview = review("2027-04-15", "PN2");
        assertThatThrownBy(() -> care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, lateReview))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("lateReason");
        lateReview.put("lateReason", "Mother in hospital; the review waited so that she could attend");
        care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, lateReview);
        care.signOff(pi);

        // Review 3 (LAC_REVIEW_NEXT, 6 months from 15 April, the date it was actually held): Friday 15
        // October 2027, not 8 October. Invitations: 20 working days back (no holidays in September or
        // October 2027) is Friday 17 September; reminder 10 back is Friday 1 October; both BST.
        assertReviewClock(pi, "2027-09-17T08:00:00Z", "2027-10-01T08:00:00Z", "2027-10-15T22:59:59Z");
        invitationsDue(pi, "2027-09-17", "2027-10-12");
        held(pi, "2027-10-12", "PN1");

        // Review 4 (6 months from 12 October 2027): Wednesday 12 April 2028. Invitations 20 working
        // days back (Easter 2028 falls after it): Wednesday 15 March, GMT; reminder 10 back:
        // Wednesday 29 March, BST (from 26 March 2028).
        assertReviewClock(pi, "2028-03-15T09:00:00Z", "2028-03-29T08:00:00Z", "2028-04-12T22:59:59Z");
        // An early review: the care plan is to change significantly, which a review must consider first.
        at("2028-02-21T10:00");
        EarlyReview early = care.care.requestEarlyReview(c.caseRef(),
                new EarlyReviewRequest("Care plan: proposed move to long-term foster carers"), IRO_USER);
        assertThat(early).isEqualTo(new EarlyReview(4, LocalDate.parse("2028-04-12"), true));
        // The IRO arranges it at once; the statutory due date stands.
        assertThat(care.taskDue(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW)).isEqualTo(Instant.parse("2028-04-12T22:59:59Z"));
        care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, arrangement("2028-02-29", "2028-02-21"));
        // Held early on leap day, Tuesday 29 February 2028.
        held(pi, "2028-02-29", "PN3");

        // Review 5 (6 months from 29 February 2028): Tuesday 29 August 2028. Invitations 20 working
        // days back, skipping the summer bank holiday (28 Aug): Monday 31 July; reminder 10 back:
        // Monday 14 August; BST.
        assertReviewClock(pi, "2028-07-31T08:00:00Z", "2028-08-14T08:00:00Z", "2028-08-29T22:59:59Z");
        invitationsDue(pi, "2028-07-31", "2028-08-29");
        // Held on its due date: in time.
        held(pi, "2028-08-29", "PN1");

        // Review 6 (6 months from 29 August 2028): 29 February 2029 does not exist, so Wednesday
        // 28 February 2029. Invitations: Wednesday 31 January; reminder: Wednesday 14 February; GMT.
        assertReviewClock(pi, "2029-01-31T09:00:00Z", "2029-02-14T09:00:00Z", "2029-02-28T23:59:59Z");
        invitationsDue(pi, "2029-01-31", "2029-02-26");
        held(pi, "2029-02-26", "PN5");

        // Review 7 (6 months from 26 February 2029): Sunday 26 August 2029 (calendar months ignore
        // weekends). Reminder 10 working days back from the Sunday: 24-20 Aug (5), 17-13 Aug (10):
        // Monday 13 August; invitations 20 back: 10-6 Aug (15), 3-1 Aug, 31, 30 Jul (20): Monday
        // 30 July; BST.
        assertReviewClock(pi, "2029-07-30T08:00:00Z", "2029-08-13T08:00:00Z", "2029-08-26T22:59:59Z");
        invitationsDue(pi, "2029-07-30", "2029-08-20");
        held(pi, "2029-08-20", "PN1");

        // Review 8 (6 months from 20 August 2029): Wednesday 20 February 2030. Invitations 20 working
        // days back: 19-18, 15-11, 8-4, 1 Feb, 31-28, 25-23 Jan: Wednesday 23 January; reminder 10
        // back: Wednesday 6 February; GMT.
        assertReviewClock(pi, "2030-01-23T09:00:00Z", "2030-02-06T09:00:00Z", "2030-02-20T23:59:59Z");

        assertThat(reviews.reviewsOf(c.caseId()))
                .extracting(ReviewView::sequenceNumber, ReviewView::rule, r -> str(r.countedFrom()), r -> str(r.dueOn()),
                        r -> str(r.heldOn()), ReviewView::status, ReviewView::early)
                .containsExactly(
                        tuple(1, "LAC_REVIEW_FIRST", "2026-12-10", "2027-01-12", "2027-01-08", "MET", false),
                        tuple(2, "LAC_REVIEW_SECOND", "2027-01-08", "2027-04-08", "2027-04-15", "MET_LATE", false),
                        tuple(3, "LAC_REVIEW_NEXT", "2027-04-15", "2027-10-15", "2027-10-12", "MET", false),
                        tuple(4, "LAC_REVIEW_NEXT", "2027-10-12", "2028-04-12", "2028-02-29", "MET", true),
                        tuple(5, "LAC_REVIEW_NEXT", "2028-02-29", "2028-08-29", "2028-08-29", "MET", false),
                        tuple(6, "LAC_REVIEW_NEXT", "2028-08-29", "2029-02-28", "2029-02-26", "MET", false),
                        tuple(7, "LAC_REVIEW_NEXT", "2029-02-26", "2029-08-26", "2029-08-20", "MET", false),
                        tuple(8, "LAC_REVIEW_NEXT", "2029-08-20", "2030-02-20", null, "OPEN", false));
        assertThat(reviews.reviewsOf(c.caseId())).filteredOn(r -> r.heldOn() != null)
                .allSatisfy(r -> assertThat(r.signedOffOn()).isEqualTo(r.heldOn()));
        // The statutory clocks agree: the late review is MET_LATE, the sign-offs are met.
        assertThat(deadlines.deadlinesOf(c.caseId())).filteredOn(d -> d.rule().startsWith("LAC_REVIEW_S"))
                .extracting(DeadlineView::rule, DeadlineView::occurrence, DeadlineView::status)
                .contains(tuple("LAC_REVIEW_SECOND", "review-2", DeadlineStatus.MET_LATE),
                        tuple("LAC_REVIEW_SIGN_OFF", "review-2", DeadlineStatus.MET));
        assertThat(jdbc.queryForObject("SELECT late_reason FROM looked_after_review WHERE case_id = ? AND sequence_number = 2",
                String.class, c.caseId())).startsWith("Mother in hospital");
        // The child's words live in the case tables, not in the engine.
        assertThat(engine.getRuntimeService().getVariables(pi)).doesNotContainKeys("childsViews", "decisions", "reviewHeldOn");
    }

    @Test
    void pn0IsOnlyForAChildUnderFourOnTheDayOfTheReview() {
        // Born 8 January 2023: 4 years old on 8 January 2027, the day of the review.
        ContactRegistered four = care.childBorn("2023-01-08");
        String pi = care.startCare(four, "2026-12-10");
        at("2027-01-08T15:00");
        care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, arrangement("2027-01-08", "2026-12-14"));

        assertThatThrownBy(() -> care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, review("2027-01-08", "PN0")))
                .hasRootCauseInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("participation: PN0 is only for a child under 4");
        // Nothing was recorded and the task is still open.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM looked_after_review WHERE case_id = ? AND held_on IS NOT NULL",
                Integer.class, four.caseId())).isZero();
        care.drive.task(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW);
        care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, review("2027-01-08", "PN3"));
        assertThat(reviews.reviewsOf(four.caseId()).get(0).participation()).isEqualTo("PN3");

        // Born a day later, 9 January 2023: still 3 on 8 January 2027, so PN0 is right.
        at("2026-12-10T10:00");
        ContactRegistered three = care.childBorn("2023-01-09");
        String other = care.startCare(three, "2026-12-10");
        at("2027-01-08T15:00");
        care.asIro(other, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, arrangement("2027-01-08", "2026-12-14"));
        care.asIro(other, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, review("2027-01-08", "PN0"));
        assertThat(reviews.reviewsOf(three.caseId()).get(0).participation()).isEqualTo("PN0");
    }

    @Test
    void theReviewRecordIsCheckedOnTheServerAndOnlyTheIroHoldsIt() {
        ContactRegistered c = care.childBorn("2012-06-30");
        String pi = care.startCare(c, "2026-12-10");
        at("2026-12-14T10:00");

        assertThatThrownBy(() -> care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, arrangement("2027-01-08", "2026-12-15")))
                .hasMessageContaining("invitationsSentOn: cannot be in the future");
        assertThatThrownBy(() -> care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, arrangement("2026-12-11", "2026-12-14")))
                .hasMessageContaining("reviewPlannedFor: cannot be before the invitations were sent");
        // A service manager reads every task of the case, but works only those given to them: the review is the IRO's.
        assertThat(deepest(catchThrowable(() -> care.drive.complete(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, "service.manager",
                java.util.List.of("service-manager"), arrangement("2027-01-08", "2026-12-14")))))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("service.manager");
        care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, arrangement("2027-01-08", "2026-12-14"));

        assertThatThrownBy(() -> care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, review("2026-12-15", "PN1")))
                .hasMessageContaining("reviewHeldOn: cannot be in the future");
        assertThatThrownBy(() -> care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, review("2026-12-09", "PN1")))
                .hasMessageContaining("reviewHeldOn: cannot be before the child became looked after (2026-12-10)");
        var missing = review("2026-12-14", "PN9");
        missing.remove("childsViews");
        assertThatThrownBy(() -> care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, missing))
                .hasMessageContaining("participation: 'PN9' is not one of").hasMessageContaining("childsViews: is required");
        care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, review("2026-12-14", "PN1"));

        // The next review cannot be recorded on or before the one already held.
        at("2026-12-15T09:30");
        care.fire(pi, LookedAfterReviewsModel.Elements.INVITATIONS_DUE);
        care.asIro(pi, LookedAfterReviewsModel.Tasks.ARRANGE_REVIEW, arrangement("2027-03-01", "2026-12-15"));
        assertThatThrownBy(() -> care.asIro(pi, LookedAfterReviewsModel.Tasks.HOLD_REVIEW, review("2026-12-14", "PN1")))
                .hasMessageContaining("reviewHeldOn: must be after the previous review, held on 2026-12-14");

        // Only a manager signs the record off, and must confirm it.
        assertThat(deepest(catchThrowable(() -> care.asIro(pi, LookedAfterReviewsModel.Tasks.SIGN_OFF_REVIEW, Map.of("recordAgreed", true)))))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> care.asManager(pi, LookedAfterReviewsModel.Tasks.SIGN_OFF_REVIEW, Map.of("recordAgreed", false)))
                .hasMessageContaining("recordAgreed");
        care.asManager(pi, LookedAfterReviewsModel.Tasks.SIGN_OFF_REVIEW, Map.of("recordAgreed", true, "managerComments", "Good record"));
        assertThat(jdbc.queryForMap("SELECT signed_off_by, manager_comments FROM looked_after_review WHERE case_id = ? AND sequence_number = 1",
                c.caseId())).containsEntry("signed_off_by", "manager.north").containsEntry("manager_comments", "Good record");
    }

    static final uk.csc.workflow.identity.CurrentUser IRO_USER =
            new uk.csc.workflow.identity.CurrentUser("iro", java.util.Set.of("iro"));

    /** The engine may refuse (authorization) or our listener may (role); either way the deepest cause says so. */
    private static Throwable deepest(Throwable thrown) {
        assertThat(thrown).isNotNull();
        Throwable t = thrown;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String str(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
