package uk.csc.workflow.plans;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseSection;
import uk.csc.workflow.platform.time.TimeSource;

/** A case's plans for the API and the case summary ({@code sections.plans}). */
@Service
@Transactional(readOnly = true)
public class PlanQueries implements CaseSection {

    private final PlanRepository plans;
    private final TimeSource time;

    PlanQueries(PlanRepository plans, TimeSource time) {
        this.plans = plans;
        this.time = time;
    }

    @Override
    public String name() {
        return "plans";
    }

    @Override
    public Object contentFor(long caseId) {
        return plansOf(caseId);
    }

    public List<PlanView> plansOf(long caseId) {
        LocalDate today = time.today();
        return plans.ofCase(caseId).stream().map(p -> new PlanView(p.id(), p.kind().name(), p.source(), p.startedOn(), p.category(),
                p.planNumber(), p.planNumber() != null && p.planNumber() > 1, p.agreedOn(), p.endedOn(), p.ending(), p.closureReason(),
                plans.itemsOf(p.id()).stream().map(i -> new PlanView.Item(i.kind().name(), i.number(), i.rule(), i.countedFrom(),
                        i.dueOn(), i.doneOn(), i.late(), i.decision(), status(i, today))).toList())).toList();
    }

    private static String status(PlanRepository.Item item, LocalDate today) {
        if (item.doneOn() != null) {
            return item.late() ? "MET_LATE" : "MET";
        }
        if (item.cancelledOn() != null) {
            return "CANCELLED";
        }
        return today.isAfter(item.dueOn()) ? "BREACHED" : "OPEN";
    }
}
