package uk.csc.workflow.casefile;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;

/**
 * Who may read and change a case's file (DOMAIN.md section 8, least privilege by team): the
 * case's team, service managers and administrators; a role that works across teams on some cases
 * only (panel chair, independent reviewing officer, screening team) reads the cases of its remit
 * ({@link CaseRemit}) and no others. Unknown references answer 404, other cases 403, and every
 * refusal is audited.
 */
@Component
public class CaseFileAccess {

    private final CaseRepository cases;
    private final AuditLog audit;
    private final List<CaseRemit> remits;

    CaseFileAccess(CaseRepository cases, AuditLog audit, List<CaseRemit> remits) {
        this.cases = cases;
        this.audit = audit;
        this.remits = remits;
    }

    /** Service managers and administrators see the whole city. */
    public static boolean seesEveryCase(CurrentUser user) {
        return user.isIn(Groups.ADMIN) || user.isIn(Groups.SERVICE_MANAGER);
    }

    /** The case's team, the city-wide managers, or a role whose remit covers the case. */
    public boolean mayRead(CaseRecord record, CurrentUser user) {
        return mayChange(record, user)
                || remits.stream().anyMatch(remit -> user.isIn(remit.role()) && remit.covers(record.id()));
    }

    /** Whether the user works in the case's team (or across the city): they add to the file. */
    public boolean mayChange(CaseRecord record, CurrentUser user) {
        return seesEveryCase(user) || user.groups().contains(record.team());
    }

    /** Whether the user's role covers the case (the IRO adds notes to a looked-after child's case). */
    public boolean inRemit(CaseRecord record, CurrentUser user, String role) {
        return user.isIn(role) && remits.stream().anyMatch(remit -> remit.role().equals(role) && remit.covers(record.id()));
    }

    /** The case if the user may read it; otherwise 404 (unknown) or 403 (audited). */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public CaseRecord readable(String caseRef, CurrentUser user) {
        CaseRecord record = known(caseRef);
        if (!mayRead(record, user)) {
            refuse(user, record, "refused: not the user's team or remit");
        }
        return record;
    }

    /**
     * The case if the user may add to its file (its team, the city-wide managers, or one of
     * {@code remitRoles} whose remit covers the case); otherwise 404 or 403 (audited).
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public CaseRecord changeable(String caseRef, CurrentUser user, String... remitRoles) {
        CaseRecord record = known(caseRef);
        boolean byRemit = java.util.Arrays.stream(remitRoles).anyMatch(role -> inRemit(record, user, role));
        if (!mayChange(record, user) && !byRemit) {
            refuse(user, record, "refused change: another team's case");
        }
        return record;
    }

    /** Whether the user may see any of these cases; used to leave out what is not theirs. */
    public List<CaseRecord> visible(List<CaseRecord> records, CurrentUser user) {
        return records.stream().filter(r -> mayRead(r, user)).toList();
    }

    private CaseRecord known(String caseRef) {
        return cases.findByRef(caseRef).orElseThrow(() -> new uk.csc.workflow.platform.web.NotFoundException("No case " + caseRef));
    }

    private void refuse(CurrentUser user, CaseRecord record, String detail) {
        audit.record(user.id(), AuditLog.Action.READ, "CASE", record.caseRef(), detail);
        throw new AccessDeniedException("Case " + record.caseRef() + " is not for this user");
    }
}
