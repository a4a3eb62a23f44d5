package uk.csc.workflow.escalation;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.web.BadRequestException;

@RestController
@RequestMapping("/api/escalations")
class EscalationController {

    private final EscalationService escalations;
    private final AuditLog audit;

    EscalationController(EscalationService escalations, AuditLog audit) {
        this.escalations = escalations;
        this.audit = audit;
    }

    /** {@code status=open} (default) or {@code all}; {@code team} narrows to one team. */
    @GetMapping
    List<EscalationView> list(@RequestParam(defaultValue = "open") String status,
                              @RequestParam(required = false) String team) {
        if (!status.equals("open") && !status.equals("all")) {
            throw new BadRequestException("status", "must be 'open' or 'all'");
        }
        CurrentUser user = CurrentUser.fromSecurityContext();
        List<EscalationView> listed = escalations.list(status.equals("open"), team, user);
        // The list names children: each case in it is a read of that child's record.
        listed.stream().map(EscalationView::caseRef).distinct()
                .forEach(caseRef -> audit.record(user.id(), AuditLog.Action.READ, "CASE", caseRef, "escalations list"));
        return listed;
    }
}
