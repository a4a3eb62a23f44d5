package uk.csc.workflow.casefile;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.forms.FormValues;

/**
 * The audit trail, readable: who read or changed a case's record and when, newest first, a page
 * at a time. For service managers, administrators and auditors; reading it is itself audited, and
 * so is a refusal.
 */
@RestController
class AuditController {

    static final Set<String> MAY_READ = Set.of(Groups.SERVICE_MANAGER, Groups.ADMIN, Groups.AUDITOR);
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    private static final String AUDIT = "AUDIT";

    private final AuditLog audit;
    private final CaseFileService cases;

    AuditController(AuditLog audit, CaseFileService cases) {
        this.audit = audit;
        this.cases = cases;
    }

    record AuditPage(String caseRef, int page, int size, long total, List<AuditLog.Entry> events) {
    }

    @GetMapping("/api/audit")
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public AuditPage trail(@RequestParam(required = false) String caseRef, @RequestParam(required = false) String page,
                           @RequestParam(required = false) String size) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        String subject = FormValues.clean(caseRef);
        if (MAY_READ.stream().noneMatch(user::isIn)) {
            audit.record(user.id(), AuditLog.Action.READ, AUDIT, subject == null ? "*" : subject, "refused: audit trail");
            throw new AccessDeniedException("The audit trail is for service managers, administrators and auditors");
        }
        Map<String, Object> query = new java.util.HashMap<>();
        query.put("page", page == null ? "0" : page);
        query.put("size", size == null ? Integer.toString(DEFAULT_SIZE) : size);
        FormValues form = new FormValues(query);
        Integer pageNumber = form.wholeNumber("page", 0, 1_000_000);
        Integer pageSize = form.wholeNumber("size", 1, MAX_SIZE);
        if (caseRef != null && subject == null) {
            form.problem("caseRef", "is blank: leave it out for the whole trail");
        }
        form.validate();
        if (subject != null) {
            cases.get(subject);
        }
        List<AuditLog.Entry> events = audit.page(subject, pageNumber, pageSize);
        long total = audit.count(subject);
        audit.record(user.id(), AuditLog.Action.READ, AUDIT, subject == null ? "*" : subject,
                "audit trail page " + pageNumber + " (" + events.size() + " entries)");
        return new AuditPage(subject, pageNumber, pageSize, total, events);
    }
}
