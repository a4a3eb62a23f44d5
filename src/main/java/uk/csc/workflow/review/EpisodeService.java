package uk.csc.workflow.review;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeYears;
import uk.csc.workflow.codes.Ssda903;
import uk.csc.workflow.codes.Ssda903.LegalStatus;
import uk.csc.workflow.codes.Ssda903.PlacementProvider;
import uk.csc.workflow.codes.Ssda903.PlacementType;
import uk.csc.workflow.codes.Ssda903.ReasonCeased;
import uk.csc.workflow.codes.Ssda903.ReasonForNewEpisode;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.BadRequestException;

/**
 * Periods of care and their SSDA903 episodes: becoming looked after, changing placement and
 * ceasing to be looked after. Episodes never overlap: a child has one open period at a time, a
 * new episode starts after the current one, and the current one ends on the day the next starts.
 */
@Service
@Transactional
public class EpisodeService {

    /** The codes of one episode, validated. */
    record Placement(LocalDate startDate, LegalStatus legalStatus, PlacementType type, PlacementProvider provider,
                     ReasonForNewEpisode reason, boolean intendedUntil18) {
    }

    private final EpisodeRepository episodes;
    private final ReviewService reviews;
    private final VisitService visits;
    private final CaseFileService cases;
    private final CareClocks clocks;
    private final CareAudit audit;
    private final TimeSource time;

    EpisodeService(EpisodeRepository episodes, ReviewService reviews, VisitService visits, CaseFileService cases,
                   CareClocks clocks, CareAudit audit, TimeSource time) {
        this.episodes = episodes;
        this.reviews = reviews;
        this.visits = visits;
        this.cases = cases;
        this.clocks = clocks;
        this.audit = audit;
        this.time = time;
    }

    /** Records the first episode of a new period of care. */
    public Period startPeriod(long caseId, LookedAfterStart received, String userId) {
        LookedAfterStart start = received.normalised();
        CaseRecord record = cases.get(caseId);
        FormValues form = new FormValues(values(start.startDate(), start.legalStatus(), start.placementType(),
                start.placementProvider(), start.reasonForNewEpisode()));
        Placement first = placement(form, false);
        if (first.reason() != null && first.reason() != ReasonForNewEpisode.S) {
            form.problem("reasonForNewEpisode", "the first episode of a period of care has reason S (started to be looked after)");
        }
        Optional<Period> latest = episodes.latestPeriodOfChild(record.childId());
        if (latest.isPresent() && latest.get().endedOn() == null) {
            form.problem("startDate", "the child is already looked after, since " + latest.get().startedOn());
        } else if (first.startDate() != null) {
            checkStart(form, record, latest, first.startDate());
        }
        form.validate();
        long periodId = episodes.insertPeriod(caseId, record.childId(), first.startDate(), userId);
        insertEpisode(periodId, caseId, first, userId);
        audit.record(userId, caseId, "became looked after on " + first.startDate() + ": " + describe(first));
        return episodes.period(periodId);
    }

    private void checkStart(FormValues form, CaseRecord record, Optional<Period> latest, LocalDate start) {
        Optional<LocalDate> born = episodes.dateOfBirth(record.childId());
        if (start.isAfter(time.today())) {
            form.problem("startDate", "cannot be in the future");
        } else if (born.isEmpty() || start.isBefore(born.get())) {
            form.problem("startDate", "cannot be before the child was born");
        } else if (latest.isPresent() && start.isBefore(latest.get().endedOn())) {
            form.problem("startDate", "overlaps the previous period of care, which ended on " + latest.get().endedOn());
        }
        // Care may begin (police protection, an emergency) a few days before the contact that records it.
        form.notBefore("startDate", start, cases.earliestAdmission(record.id()));
    }

    public void attachProcess(long periodId, String processInstanceId) {
        episodes.attachProcess(periodId, processInstanceId);
    }

    @Transactional(readOnly = true)
    public Optional<Period> openPeriod(long caseId) {
        return episodes.openPeriodOfCase(caseId);
    }

    @Transactional(readOnly = true)
    public Episode currentEpisode(long periodId) {
        return episodes.currentEpisode(periodId);
    }

    @Transactional(readOnly = true)
    public boolean anyPeriod() {
        return episodes.anyPeriod();
    }

    /** Checks a placement change without recording it (the API answers 400 before the process is told). */
    @Transactional(readOnly = true)
    public void validatePlacementChange(long periodId, PlacementChange change) {
        checkedChange(periodId, change.normalised());
    }

    /** Ends the current episode (REC X1) and records the new placement; the old placement's visit is no longer due. */
    public long changePlacement(long periodId, PlacementChange change, String userId) {
        Placement next = checkedChange(periodId, change.normalised());
        Period period = episodes.period(periodId);
        episodes.endEpisode(episodes.currentEpisode(periodId).id(), next.startDate(), Ssda903.EPISODE_CONTINUES);
        long id = insertEpisode(periodId, period.caseId(), next, userId);
        visits.cancelOpen(periodId, next.startDate());
        audit.record(userId, period.caseId(), "new placement on " + next.startDate() + ": " + describe(next));
        return id;
    }

    private Placement checkedChange(long periodId, PlacementChange change) {
        Episode current = episodes.currentEpisode(periodId);
        Map<String, Object> values = values(change.startDate(), change.legalStatus(), change.placementType(),
                change.placementProvider(), change.reasonForNewEpisode());
        values.put("intendedUntil18", change.intendedUntil18());
        FormValues form = new FormValues(values);
        Placement next = placement(form, form.flag("intendedUntil18"));
        if (next.reason() != null && !next.reason().changesPlacement()) {
            form.problem("reasonForNewEpisode", "a placement change has reason P, T, B or U");
        } else if (next.reason() != null && next.legalStatus() != null) {
            boolean changed = !next.legalStatus().name().equals(current.legalStatus());
            if (next.reason().changesLegalStatus() && !changed) {
                form.problem("legalStatus", "reason " + next.reason() + " changes the legal status: give the new one (now "
                        + current.legalStatus() + ")");
            } else if (!next.reason().changesLegalStatus() && changed) {
                form.problem("legalStatus", "reason " + next.reason() + " keeps the legal status " + current.legalStatus()
                        + "; use B or U when it changes too");
            }
        }
        LocalDate start = next.startDate();
        if (start != null) {
            LocalDate lastVisit = visits.lastVisitedOn(periodId);
            if (start.isAfter(time.today())) {
                form.problem("startDate", "cannot be in the future");
            } else if (!start.isAfter(current.startedOn())) {
                form.problem("startDate", "must be after the current placement started (" + current.startedOn() + ")");
            } else if (lastVisit != null && start.isBefore(lastVisit)) {
                form.problem("startDate", "cannot be before the last visit, made on " + lastVisit);
            }
        }
        form.validate();
        return next;
    }

    @Transactional(readOnly = true)
    public void validateCeasing(long periodId, Ceasing ceasing) {
        checkedCeasing(periodId, ceasing.normalised());
    }

    /** Ends the period and its episode, and stops every clock still running on the case. */
    public void cease(long periodId, Ceasing received, String userId) {
        Ceasing ceasing = received.normalised();
        ReasonCeased reason = checkedCeasing(periodId, ceasing);
        Period period = episodes.period(periodId);
        LocalDate on = ceasing.ceasedOn();
        episodes.endEpisode(episodes.currentEpisode(periodId).id(), on, reason.name());
        episodes.endPeriod(periodId, on, reason.name(), userId);
        reviews.cancelOpen(periodId, on);
        visits.cancelOpen(periodId, on);
        clocks.closeOpenClocks(period.caseId(), on);
        audit.record(userId, period.caseId(), "ceased to be looked after on " + on + " (" + reason + ")");
    }

    private ReasonCeased checkedCeasing(long periodId, Ceasing ceasing) {
        Period period = episodes.period(periodId);
        if (period.endedOn() != null) {
            throw new BadRequestException("ceasedOn", "this period of care ended on " + period.endedOn());
        }
        Map<String, Object> values = new HashMap<>();
        values.put("ceasedOn", ceasing.ceasedOn());
        values.put("reason", ceasing.reason());
        FormValues form = new FormValues(values);
        LocalDate on = form.date("ceasedOn");
        ReasonCeased reason = form.code("reason", ReasonCeased.class);
        if (on != null) {
            LocalDate latest = latest(episodes.currentEpisode(periodId).startedOn(), reviews.lastHeldOn(periodId),
                    visits.lastVisitedOn(periodId));
            if (on.isAfter(time.today())) {
                form.problem("ceasedOn", "cannot be in the future");
            } else if (on.isBefore(latest)) {
                form.problem("ceasedOn", "cannot be before " + latest + " (the current placement, last review or last visit)");
            }
        }
        form.validate();
        return reason;
    }

    private static LocalDate latest(LocalDate... dates) {
        LocalDate latest = null;
        for (LocalDate date : dates) {
            if (date != null && (latest == null || date.isAfter(latest))) {
                latest = date;
            }
        }
        return latest;
    }

    private static Map<String, Object> values(LocalDate start, String legalStatus, String type, String provider, String rne) {
        Map<String, Object> values = new HashMap<>();
        values.put("startDate", start);
        values.put("legalStatus", legalStatus);
        values.put("placementType", type);
        values.put("placementProvider", provider);
        values.put("reasonForNewEpisode", rne);
        return values;
    }

    private static Placement placement(FormValues form, boolean intendedUntil18) {
        Placement placement = new Placement(form.date("startDate"), form.code("legalStatus", LegalStatus.class),
                form.code("placementType", PlacementType.class), form.code("placementProvider", PlacementProvider.class),
                form.code("reasonForNewEpisode", ReasonForNewEpisode.class), intendedUntil18);
        // Only the codes the DfE accepts for the collection year of the placement's start (codes/code-years.txt).
        if (placement.type() != null && placement.startDate() != null) {
            CodeYears.refusal(CodeLabels.PLACEMENT_TYPE, placement.type().name(), placement.startDate())
                    .ifPresent(why -> form.problem("placementType", why));
        }
        return placement;
    }

    private long insertEpisode(long periodId, long caseId, Placement p, String userId) {
        return episodes.insertEpisode(periodId, caseId, p.startDate(), p.reason().name(), p.legalStatus().name(), p.type().name(),
                p.provider().name(), p.intendedUntil18(), userId, time.now());
    }

    private static String describe(Placement p) {
        return "RNE " + p.reason() + ", LS " + p.legalStatus() + ", PLACE " + p.type() + ", " + p.provider()
                + (p.intendedUntil18() ? ", intended until 18" : "");
    }
}
