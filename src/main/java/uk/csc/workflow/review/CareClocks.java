package uk.csc.workflow.review;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.clocks.CaseClocks;
import uk.csc.workflow.clocks.EscalationLadderProperties;
import uk.csc.workflow.clocks.StatutoryClockStarted;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.StatutoryTimescales;

/** Starts the recurring clocks of a period of care under the case's guidance profile. */
@Component
class CareClocks {

    private final CaseClocks deadlines;
    private final CaseFileService cases;
    private final StatutoryTimescales clock;
    private final EscalationLadderProperties ladder;
    private final ReviewProperties reviews;
    private final TimeSource time;

    CareClocks(CaseClocks deadlines, CaseFileService cases, StatutoryTimescales clock, EscalationLadderProperties ladder,
               ReviewProperties reviews, TimeSource time) {
        this.deadlines = deadlines;
        this.cases = cases;
        this.clock = clock;
        this.ladder = ladder;
        this.reviews = reviews;
        this.time = time;
    }

    /** Starting a clock again finds the first start (a clock is never reset by rework). */
    StatutoryClockStarted start(long caseId, String rule, String occurrence, LocalDate from) {
        return deadlines.start(caseId, rule, occurrence, from, GuidanceProfile.valueOf(cases.get(caseId).profile()));
    }

    /** A visit or sign-off: the standard ladder. */
    CareClock standard(long recordId, int number, String occurrence, StatutoryClockStarted started) {
        return new CareClock(recordId, number, started.rule(), occurrence, started.dueOn(), started.dueAt(),
                started.remindAt(), started.serviceManagerAt(), null, false);
    }

    /**
     * A review: the IRO is asked to arrange it some working days ahead (sooner if an early review
     * was asked for) and the reminder comes earlier than the standard one, since a review cannot be
     * convened in a day.
     */
    CareClock review(long recordId, int number, String occurrence, StatutoryClockStarted started, boolean early) {
        LocalDate inviteOn = clock.calendar().minusWorkingDays(started.dueOn(), reviews.invitationWorkingDaysBefore());
        LocalDate remindOn = clock.calendar().minusWorkingDays(started.dueOn(), reviews.reminderWorkingDaysBefore());
        return new CareClock(recordId, number, started.rule(), occurrence, started.dueOn(), started.dueAt(), at(remindOn),
                started.serviceManagerAt(), at(inviteOn), early || !inviteOn.isAfter(time.today()));
    }

    private Instant at(LocalDate day) {
        return day.atTime(ladder.reminderTime()).atZone(StatutoryTimescales.STATUTORY_ZONE).toInstant();
    }

    void complete(long caseId, String rule, String occurrence, LocalDate on) {
        deadlines.complete(caseId, rule, occurrence, on);
    }

    void closeOpenClocks(long caseId, LocalDate on) {
        deadlines.closeOpenClocks(caseId, on);
    }
}
