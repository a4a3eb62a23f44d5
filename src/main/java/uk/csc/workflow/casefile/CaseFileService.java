package uk.csc.workflow.casefile;

import java.time.LocalDate;
import java.time.Year;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.forms.DateBound;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.NotFoundException;
import uk.csc.workflow.timescales.StatutoryTimescales;

/** Children and their cases: opening, linking, allocation, stage and the explicit outcome. */
@Service
@Transactional
public class CaseFileService {

    private static final String CASE = "CASE";

    private final CaseRepository cases;
    private final CaseFileRepository files;
    private final ChildMatching matching;
    private final AuditLog audit;
    private final TimeSource time;

    private final ApplicationEventPublisher events;
    private final java.util.List<CaseSection> sections;

    CaseFileService(CaseRepository cases, CaseFileRepository files, ChildMatching matching, AuditLog audit, TimeSource time,
                    ApplicationEventPublisher events, java.util.List<CaseSection> sections) {
        this.sections = sections;
        this.cases = cases;
        this.files = files;
        this.matching = matching;
        this.audit = audit;
        this.time = time;
        this.events = events;
    }

    /**
     * Opens a case for a contact. A contact with the NHS number of a known child is about that
     * child. Otherwise a known child with similar names and the same date of birth (and no NHS
     * number telling them apart) is a likely match: nothing is recorded until the worker confirms
     * or rejects it ({@code choice}), and the decision is recorded and audited. A case opened for
     * the child within 12 months makes this a re-referral.
     *
     * @throws ProposedMatchException when a likely match needs the worker's decision (the
     *                                candidates shown are audited, nothing else is recorded)
     */
    @Transactional(noRollbackFor = ProposedMatchException.class)
    public CaseOpened openCase(NewChild child, MatchChoice choice, String team, String profile, LocalDate receivedOn,
                               String userId) {
        ChildMatching.Outcome match = matching.match(child, choice, userId);
        boolean existing = match.childId() != null;
        long childId;
        if (existing) {
            childId = match.childId();
            files.fillIdentifiers(childId, child.nhsNumber(), child.upn());
        } else {
            childId = cases.insertChild(child, time.now());
            files.replaceNameKeys(childId, ChildNames.storedKeys(child.firstName(), child.lastName()));
            files.updateDetails(childId, child.address(), child.firstLanguage(), new java.util.LinkedHashSet<>(child.disabilities()));
        }
        Long previousCase = !existing ? null : cases.findRecentCase(childId,
                receivedOn.minusMonths(12).atStartOfDay(StatutoryTimescales.STATUTORY_ZONE).toInstant()).orElse(null);
        String caseRef = "CSC-%d-%06d".formatted(Year.from(receivedOn).getValue(), cases.nextReferenceNumber());
        long caseId = cases.insertCase(caseRef, childId, team, profile, previousCase != null, previousCase, receivedOn, time.now());
        for (ChildMatching.Decided decided : match.decisions()) {
            files.recordMatchDecision(caseId, decided.childId(), decided.decision().name(), decided.score(), userId, time.now());
            audit.record(userId, AuditLog.Action.DECIDE, CASE, caseRef, "duplicate check: child " + decided.childId() + " "
                    + (decided.decision() == CaseFileCodes.MatchDecision.CONFIRM ? "confirmed as this child" : "rejected as a different child"));
        }
        audit.record(userId, AuditLog.Action.CREATE, CASE, caseRef,
                !existing ? "case opened; new child" : "case opened; existing child linked by " + match.linkedBy());
        return new CaseOpened(caseId, caseRef, childId, existing, match.linkedBy(), previousCase != null);
    }

    /** Every case of the child, the newest first (the child's history; the caller scopes what it shows). */
    @Transactional(readOnly = true)
    public java.util.List<ChildCase> casesOfChild(long childId) {
        return files.casesOf(java.util.List.of(childId));
    }

    public void attachProcess(long caseId, String processInstanceId) {
        cases.setProcessInstance(caseId, processInstanceId);
    }

    public CaseRecord get(long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new NotFoundException("caseId", "No case " + caseId));
    }

    /** The case, if there is one with this reference (no exception, so a caller's transaction carries on). */
    @Transactional(readOnly = true)
    public java.util.Optional<CaseRecord> find(String caseRef) {
        return cases.findByRef(caseRef);
    }

    public CaseRecord get(String caseRef) {
        return cases.findByRef(caseRef).orElseThrow(() -> new NotFoundException("caseRef", "No case " + caseRef));
    }

    public void moveTo(long caseId, CaseStage stage) {
        cases.updateStage(caseId, stage);
    }

    public void recordReferralDate(long caseId, LocalDate referralDate) {
        cases.setReferralDate(caseId, referralDate);
    }

    public void allocate(long caseId, String worker, String allocatedBy) {
        CaseRecord record = get(caseId);
        cases.allocate(caseId, record.team(), worker, allocatedBy, time.now());
        audit.record(allocatedBy, AuditLog.Action.UPDATE, CASE, record.caseRef(), "allocated to " + worker);
    }

    /**
     * Moves a case to another team (a service manager's or an administrator's decision): the case's
     * allocated worker, who belonged to the old team, is cleared, the change is audited, and
     * {@link CaseTeamChanged} moves in the same transaction everything that follows the case (the
     * engine's grants and routing, the escalations).
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public CaseRecord reassignTeam(String caseRef, String team, CurrentUser user) {
        if (!user.isIn(Groups.SERVICE_MANAGER) && !user.isIn(Groups.ADMIN)) {
            throw new AccessDeniedException("Only a service manager moves a case to another team");
        }
        if (team == null || !Groups.TEAMS.contains(team)) {
            throw new BadRequestException("team", "must be one of " + Groups.TEAMS);
        }
        CaseRecord record = get(caseRef);
        if (record.team().equals(team)) {
            throw new BadRequestException("team", caseRef + " is already with " + team);
        }
        cases.reassign(record.id(), team);
        audit.record(user.id(), AuditLog.Action.UPDATE, CASE, caseRef, "moved from " + record.team() + " to " + team);
        events.publishEvent(new CaseTeamChanged(record.id(), caseRef, record.team(), team, user.id()));
        return get(record.id());
    }

    /** A route ended: the case closes, or moves on to the plan or hand-off the route ended in. */
    public void endRoute(long caseId, CaseOutcome outcome) {
        CaseRecord record = get(caseId);
        cases.endRoute(caseId, outcome, time.now());
        audit.record("system", AuditLog.Action.UPDATE, CASE, record.caseRef(), "route ended: " + outcome);
        events.publishEvent(new CaseRouteEnded(caseId, record.caseRef(), outcome));
    }

    /**
     * The earliest date anything can have happened on the case: not before the child was born, nor
     * before the case began (the day its first contact was received, or it was opened if earlier).
     */
    @Transactional(readOnly = true)
    public DateBound earliestEvent(long caseId) {
        return earliestEvent(caseId, 0);
    }

    /**
     * The same for an emergency admission, which may precede the contact that records it by
     * {@link #EMERGENCY_DAYS_BEFORE_CONTACT} days (police protection at the weekend, recorded on Monday).
     */
    @Transactional(readOnly = true)
    public DateBound earliestAdmission(long caseId) {
        return earliestEvent(caseId, EMERGENCY_DAYS_BEFORE_CONTACT);
    }

    /** The child's date of birth as a bound (null for an unborn child): nothing about a child is dated before it. */
    @Transactional(readOnly = true)
    public DateBound birthOf(long caseId) {
        Object[] start = cases.startOf(caseId).orElseThrow(() -> new NotFoundException("caseId", "No case " + caseId));
        return start[0] == null ? null : new DateBound((LocalDate) start[0], "the child's date of birth");
    }

    /** How many days an emergency admission may precede the start of its case. */
    public static final int EMERGENCY_DAYS_BEFORE_CONTACT = 7;

    private DateBound earliestEvent(long caseId, int daysBeforeStart) {
        Object[] start = cases.startOf(caseId).orElseThrow(() -> new NotFoundException("caseId", "No case " + caseId));
        LocalDate born = (LocalDate) start[0];
        LocalDate opened = ((java.time.Instant) start[1]).atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
        LocalDate firstContact = (LocalDate) start[2];
        LocalDate began = firstContact != null && firstContact.isBefore(opened) ? firstContact : opened;
        DateBound caseStart = daysBeforeStart == 0 ? new DateBound(began, "the start of the case")
                : new DateBound(began.minusDays(daysBeforeStart), "the week before the case began");
        return DateBound.latest(born == null ? null : new DateBound(born, "the child's date of birth"), caseStart);
    }

    public boolean isOpen(long caseId) {
        return cases.isOpen(caseId);
    }

    /** The case summary, for a user allowed to see the case's team; the read is audited. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public CaseSummary summary(String caseRef, CurrentUser user) {
        CaseRecord record = readable(caseRef, user);
        audit.record(user.id(), AuditLog.Action.READ, CASE, caseRef, "summary");
        var parts = new java.util.LinkedHashMap<String, Object>();
        sections.forEach(section -> parts.put(section.name(), section.contentFor(record.id())));
        return cases.summary(record.caseRef()).orElseThrow().withSections(parts);
    }

    /**
     * The case if the user may see it. An unknown reference and another team's case both answer
     * without revealing more than the caller may know. A refusal is audited too.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public CaseRecord readable(String caseRef, CurrentUser user) {
        CaseRecord record = get(caseRef);
        if (!user.maySeeTeam(record.team())) {
            audit.record(user.id(), AuditLog.Action.READ, CASE, caseRef, "refused: another team's case");
            throw new AccessDeniedException("Case " + caseRef + " belongs to another team");
        }
        return record;
    }


    public long countCases() {
        return cases.countCases();
    }

    private volatile Boolean emptyAtStart;

    /**
     * Whether the case file was empty when this application started (the first asker fixes the
     * answer), so every demo seeder runs on a first start and none on a restart.
     */
    public boolean wasEmptyAtStart() {
        if (emptyAtStart == null) {
            synchronized (this) {
                if (emptyAtStart == null) {
                    emptyAtStart = cases.countCases() == 0;
                }
            }
        }
        return emptyAtStart;
    }
}
