package uk.csc.workflow.clocks;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.identity.CurrentUser;

/** Each statutory deadline of a case and where it stands. */
@RestController
class CaseTimescalesController {

    private final CaseFileService cases;
    private final CaseClocks deadlines;
    private final AuditLog audit;

    CaseTimescalesController(CaseFileService cases, CaseClocks deadlines, AuditLog audit) {
        this.cases = cases;
        this.deadlines = deadlines;
        this.audit = audit;
    }

    @GetMapping("/api/cases/{caseRef}/timescales")
    List<DeadlineView> timescales(@PathVariable String caseRef) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        var record = cases.readable(caseRef, user);
        audit.record(user.id(), AuditLog.Action.READ, "CASE", caseRef, "timescales");
        return deadlines.deadlinesOf(record.id());
    }
}
