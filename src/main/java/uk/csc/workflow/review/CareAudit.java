package uk.csc.workflow.review;

import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;

/** Every change to a looked-after child's record, audited against the case reference. */
@Component
class CareAudit {

    private final AuditLog audit;
    private final CaseFileService cases;

    CareAudit(AuditLog audit, CaseFileService cases) {
        this.audit = audit;
        this.cases = cases;
    }

    void record(String userId, long caseId, String detail) {
        audit.record(userId, AuditLog.Action.UPDATE, "CASE", cases.get(caseId).caseRef(), detail);
    }
}
