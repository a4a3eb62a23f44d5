package uk.csc.workflow.performance;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.forms.FormValues;

/** Records the indicators need that no process captures yet (team-scoped like every case change). */
@RestController
@RequestMapping("/api/cases/{caseRef}")
class IndicatorDataController {

    private final IndicatorDataService data;
    private final CaseFileService cases;

    IndicatorDataController(IndicatorDataService data, CaseFileService cases) {
        this.data = data;
        this.cases = cases;
    }

    /** {@code {"heldOn": "YYYY-MM-DD"}} */
    @PostMapping("/cp-reviews")
    ResponseEntity<Map<String, Object>> cpReview(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        return ResponseEntity.status(201).body(data.recordCpReview(cases.readable(caseRef, user), new FormValues(body), user.id()));
    }

    /** {@code {"accommodation": "U1"}} (SSDA903 ACCOM) */
    @PostMapping("/care-leaver")
    ResponseEntity<Map<String, Object>> careLeaver(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        return ResponseEntity.ok(data.recordCareLeaver(cases.readable(caseRef, user), new FormValues(body), user.id()));
    }

    /** {@code {"termEndsOn": "YYYY-MM-DD", "daysAbsent": 12}} */
    @PostMapping("/school-absences")
    ResponseEntity<Map<String, Object>> schoolAbsence(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        return ResponseEntity.status(201).body(data.recordSchoolAbsence(cases.readable(caseRef, user), new FormValues(body), user.id()));
    }
}
