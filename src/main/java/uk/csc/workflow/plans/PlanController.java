package uk.csc.workflow.plans;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.plans.process.PlanStarts;

/** A case's child protection, child in need and Family Help plans over HTTP; every call is scoped to the caller's teams. */
@RestController
@RequestMapping("/api/cases/{caseRef}")
class PlanController {

    private final PlanStarts starts;
    private final PlanQueries queries;
    private final CaseFileService cases;
    private final AuditLog audit;

    PlanController(PlanStarts starts, PlanQueries queries, CaseFileService cases, AuditLog audit) {
        this.starts = starts;
        this.queries = queries;
        this.cases = cases;
        this.audit = audit;
    }

    /**
     * A transfer-in conference: {@code {conferenceHeldOn, categoryOfAbuse, originatingAuthority,
     * previousPlansElsewhere?, allocatedWorker?}}; 201 with the plan.
     */
    @PostMapping("/cp-plans")
    ResponseEntity<Map<String, Object>> transferIn(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        Map<String, Object> plan = starts.transferIn(caseRef, body, CurrentUser.fromSecurityContext());
        return ResponseEntity.created(URI.create("/api/cases/" + caseRef + "/plans")).body(plan);
    }

    /** Concerns of significant harm between reviews: {@code {reason}}; the plan ends and a strategy discussion opens. */
    @PostMapping("/cin-plan/step-up")
    Map<String, Object> stepUp(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        return starts.stepUp(caseRef, body, CurrentUser.fromSecurityContext());
    }

    /** Concerns of significant harm between Family Help reviews: {@code {reason}}; the plan ends and a strategy discussion opens. */
    @PostMapping("/family-help-plan/step-up")
    Map<String, Object> stepUpFamilyHelp(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        return starts.stepUpFamilyHelp(caseRef, body, CurrentUser.fromSecurityContext());
    }

    /** Every plan of the case with its reviews, core group meetings and visits. */
    @GetMapping("/plans")
    List<PlanView> plans(@PathVariable String caseRef) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        var record = cases.readable(caseRef, user);
        audit.record(user.id(), AuditLog.Action.READ, "CASE", caseRef, "plans");
        return queries.plansOf(record.id());
    }
}
