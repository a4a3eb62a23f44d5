package uk.csc.workflow.review;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.clocks.StatutoryClockStarted;
import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.review.LookedAfterCodes.SeenAlone;
import uk.csc.workflow.review.VisitRepository.Visit;

/**
 * Regulation 28 visits: within a week of a placement starting, then at most every 6 weeks in its
 * first year; after that every 3 months if the placement is meant to last until 18, otherwise
 * still every 6 weeks. Each interval runs from the date of the previous visit; which interval
 * applies is decided by whether that visit was made in the placement's first year.
 */
@Service
@Transactional
public class VisitService {

    static final String FIRST = StatutoryRuleIds.VISIT_FIRST;
    static final String NEXT = StatutoryRuleIds.VISIT_NEXT;
    static final String LONG_TERM = StatutoryRuleIds.VISIT_LONG_TERM;

    private final VisitRepository visits;
    private final EpisodeRepository episodes;
    private final CareClocks clocks;
    private final CareAudit audit;
    private final TimeSource time;

    VisitService(VisitRepository visits, EpisodeRepository episodes, CareClocks clocks, CareAudit audit, TimeSource time) {
        this.visits = visits;
        this.episodes = episodes;
        this.clocks = clocks;
        this.audit = audit;
        this.time = time;
    }

    /** The next visit to the current placement and its clock; the visit still due if there is one. */
    public CareClock scheduleNext(long periodId) {
        Episode placement = episodes.currentEpisode(periodId);
        Visit visit = visits.open(placement.id()).orElseGet(() -> {
            var last = visits.lastMade(placement.id());
            LocalDate from = last.map(Visit::visitedOn).orElse(placement.startedOn());
            String rule = last.isEmpty() ? FIRST : ruleAfterVisitOn(placement, from);
            long caseId = episodes.period(periodId).caseId();
            int number = visits.nextSequenceNumber(caseId);
            StatutoryClockStarted started = clocks.start(caseId, rule, "visit-" + number, from);
            return visits.get(visits.insert(placement.id(), caseId, number, rule, from, started.dueOn()));
        });
        StatutoryClockStarted started = clocks.start(visit.caseId(), visit.rule(), visit.occurrence(), visit.countedFrom());
        return clocks.standard(visit.id(), visit.sequenceNumber(), visit.occurrence(), started);
    }

    private static String ruleAfterVisitOn(Episode placement, LocalDate visitedOn) {
        boolean firstYear = visitedOn.isBefore(placement.startedOn().plusYears(1));
        return !firstYear && placement.intendedUntil18() ? LONG_TERM : NEXT;
    }

    public void record(long visitId, FormValues form, String userId) {
        Visit visit = visits.get(visitId);
        LocalDate visitedOn = form.date("visitedOn");
        SeenAlone seenAlone = form.code("seenAlone", SeenAlone.class);
        String notes = form.text("visitNotes", 4000);
        if (visitedOn != null) {
            LocalDate earliest = visit.countedFrom();
            if (visitedOn.isAfter(time.today())) {
                form.problem("visitedOn", "cannot be in the future");
            } else if (visitedOn.isBefore(earliest)) {
                form.problem("visitedOn", "cannot be before " + earliest + " (the placement's start or the previous visit)");
            }
        }
        form.validate();
        visits.recordVisit(visitId, visitedOn, seenAlone == SeenAlone.YES, notes, userId);
        clocks.complete(visit.caseId(), visit.rule(), visit.occurrence(), visitedOn);
        audit.record(userId, visit.caseId(), "visit " + visit.sequenceNumber() + " made on " + visitedOn
                + (seenAlone == SeenAlone.YES ? ", child seen alone" : ", child not seen alone"));
    }

    /** A placement change or the end of care: the visits still due are not needed, their clocks stop. */
    void cancelOpen(long periodId, LocalDate on) {
        for (Visit visit : visits.openInPeriod(periodId)) {
            visits.cancel(visit.id(), on);
            clocks.complete(visit.caseId(), visit.rule(), visit.occurrence(), on);
        }
    }

    LocalDate lastVisitedOn(long periodId) {
        return visits.lastVisitedOn(periodId).orElse(null);
    }
}
