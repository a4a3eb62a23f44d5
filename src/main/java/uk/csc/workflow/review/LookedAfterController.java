package uk.csc.workflow.review;

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
import uk.csc.workflow.review.process.LookedAfterCare;

/** A looked-after child's period of care over HTTP; every call is scoped to the caller's teams. */
@RestController
@RequestMapping("/api/cases/{caseRef}")
class LookedAfterController {

    private final LookedAfterCare care;
    private final ReviewService reviews;
    private final CaseFileService cases;
    private final AuditLog audit;

    LookedAfterController(LookedAfterCare care, ReviewService reviews, CaseFileService cases, AuditLog audit) {
        this.care = care;
        this.reviews = reviews;
        this.cases = cases;
        this.audit = audit;
    }

    /** The child became looked after other than through the panel (e.g. police protection): 201. */
    @PostMapping("/looked-after")
    ResponseEntity<Map<String, String>> start(@PathVariable String caseRef, @RequestBody LookedAfterStart start) {
        String processInstanceId = care.startCare(caseRef, start, CurrentUser.fromSecurityContext());
        return ResponseEntity.created(URI.create("/api/cases/" + caseRef + "/reviews"))
                .body(Map.of("caseRef", caseRef, "processInstanceId", processInstanceId));
    }

    @PostMapping("/looked-after/early-review")
    EarlyReview earlyReview(@PathVariable String caseRef, @RequestBody EarlyReviewRequest request) {
        return care.requestEarlyReview(caseRef, request, CurrentUser.fromSecurityContext());
    }

    @PostMapping("/looked-after/placement-changes")
    ResponseEntity<Void> placementChange(@PathVariable String caseRef, @RequestBody PlacementChange change) {
        care.changePlacement(caseRef, change, CurrentUser.fromSecurityContext());
        return ResponseEntity.created(URI.create("/api/cases/" + caseRef + "/reviews")).build();
    }

    @PostMapping("/looked-after/cease")
    ResponseEntity<Void> cease(@PathVariable String caseRef, @RequestBody Ceasing ceasing) {
        care.cease(caseRef, ceasing, CurrentUser.fromSecurityContext());
        return ResponseEntity.noContent().build();
    }

    /** Every review of the case: due and held dates, participation, status. */
    @GetMapping("/reviews")
    List<ReviewView> reviews(@PathVariable String caseRef) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        var record = cases.readable(caseRef, user);
        audit.record(user.id(), AuditLog.Action.READ, "CASE", caseRef, "looked-after reviews");
        return reviews.reviewsOf(record.id());
    }
}
