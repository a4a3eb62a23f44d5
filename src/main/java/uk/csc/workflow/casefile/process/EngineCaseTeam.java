package uk.csc.workflow.casefile.process;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseTeamChanged;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.platform.security.CaseAccess;

/** Camunda adapter: when a case moves team, the engine's grants and routing for it move too (same transaction). */
@Component
class EngineCaseTeam {

    private final CaseAccess access;
    private final StaffDirectory staff;

    EngineCaseTeam(CaseAccess access, StaffDirectory staff) {
        this.access = access;
        this.staff = staff;
    }

    @EventListener
    public void teamChanged(CaseTeamChanged changed) {
        access.moveTeam(changed.caseRef(), changed.from(), changed.to(), staff.teamManagers(changed.to()));
    }
}
