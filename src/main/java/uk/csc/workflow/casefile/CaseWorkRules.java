package uk.csc.workflow.casefile;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.process.CaseAuthority;

/**
 * Who may complete a task of a case, from the case file: the case's team; the service managers and
 * administrators anywhere; the panel chairs, IROs, the screening team and the agency members of the multi-agency
 * child protection teams on the steps that are theirs (no case file for them: they have no {@link CaseRemit}).
 */
@Component
class CaseWorkRules implements CaseAuthority {

    private static final Set<String> EVERYWHERE = Set.of(Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final Set<String> CITY_WIDE_FOR_THEIR_STEPS = Set.of(Groups.PANEL_CHAIR, Groups.IRO, Groups.MASH,
            Groups.MACT_POLICE, Groups.MACT_HEALTH, Groups.MACT_EDUCATION);

    private final CaseRepository cases;

    CaseWorkRules(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public Optional<WorkedCase> caseOf(String caseRef) {
        return cases.findByRef(caseRef).map(c -> new WorkedCase(c.id(), c.caseRef(), c.team()));
    }

    @Override
    public boolean mayWorkOn(String team, Collection<String> groups, Set<String> stepRoles) {
        if (groups.contains(team) || groups.stream().anyMatch(EVERYWHERE::contains)) {
            return true;
        }
        return groups.stream().anyMatch(g -> CITY_WIDE_FOR_THEIR_STEPS.contains(g) && stepRoles.contains(g));
    }
}
