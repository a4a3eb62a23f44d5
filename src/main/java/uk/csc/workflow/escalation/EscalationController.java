package uk.csc.workflow.escalation;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.web.BadRequestException;

@RestController
@RequestMapping("/api/escalations")
class EscalationController {

    private final EscalationService escalations;

    EscalationController(EscalationService escalations) {
        this.escalations = escalations;
    }

    /** {@code status=open} (default) or {@code all}; {@code team} narrows to one team. */
    @GetMapping
    List<EscalationView> list(@RequestParam(defaultValue = "open") String status,
                              @RequestParam(required = false) String team) {
        if (!status.equals("open") && !status.equals("all")) {
            throw new BadRequestException("status", "must be 'open' or 'all'");
        }
        return escalations.list(status.equals("open"), team, CurrentUser.fromSecurityContext());
    }
}
