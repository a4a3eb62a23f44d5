package uk.csc.workflow.casefile;

import java.time.LocalDate;
import java.time.Year;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.time.TimeSource;
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
            files.replaceNameKeys(childId, ChildNames.keys(child.firstName(), child.lastName()));
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
        return cases.findById(caseId).orElseThrow(() -> new NotFoundException("No case " + caseId));
    }

    /** The case, if there is one with this reference (no exception, so a caller's transaction carries on). */
    @Transactional(readOnly = true)
    public java.util.Optional<CaseRecord> find(String caseRef) {
        return cases.findByRef(caseRef);
    }

    public CaseRecord get(String caseRef) {
        return cases.findByRef(caseRef).orElseThrow(() -> new NotFoundException("No case " + caseRef));
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

    /** A route ended: the case closes, or moves on to the plan or hand-off the route ended in. */
    public void endRoute(long caseId, CaseOutcome outcome) {
        CaseRecord record = get(caseId);
        cases.endRoute(caseId, outcome, time.now());
        audit.record("system", AuditLog.Action.UPDATE, CASE, record.caseRef(), "route ended: " + outcome);
        events.publishEvent(new CaseRouteEnded(caseId, record.caseRef(), outcome));
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
