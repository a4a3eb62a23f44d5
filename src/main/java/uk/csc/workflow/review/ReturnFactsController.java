package uk.csc.workflow.review;

import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.casefile.CaseFileAccess;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.web.BadRequestException;

/** Records what the SSDA903 return needs, on the case a practitioner already works on (team-scoped, audited). */
@RestController
@RequestMapping("/api/cases/{caseRef}")
class ReturnFactsController {

    private final ReturnFactsCapture capture;
    private final CaseFileAccess access;

    ReturnFactsController(ReturnFactsCapture capture, CaseFileAccess access) {
        this.capture = capture;
        this.access = access;
    }

    @PutMapping("/child/return-status")
    Map<String, Object> childStatus(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        return capture.childStatus(access.changeable(caseRef, user), new FormValues(body), user.id());
    }

    @PostMapping("/looked-after/missing-episodes")
    ResponseEntity<Map<String, Object>> missing(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        return ResponseEntity.status(201).body(capture.missingEpisode(access.changeable(caseRef, user), new FormValues(body), user.id()));
    }

    @PutMapping("/looked-after/previous-permanence")
    Map<String, Object> previousPermanence(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        return capture.previousPermanence(access.changeable(caseRef, user), new FormValues(body), user.id());
    }

    @PutMapping("/looked-after/adoption")
    Map<String, Object> adoption(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        return capture.adoption(access.changeable(caseRef, user), new FormValues(body), user.id());
    }

    /** OC2 for the collection year starting {@code year} (2025 for 2025-26). */
    @PutMapping("/looked-after/outcomes/{year}")
    Map<String, Object> outcomes(@PathVariable String caseRef, @PathVariable String year, @RequestBody Map<String, Object> body) {
        if (!year.matches("\\d{4}")) {
            throw new BadRequestException("year", "must be the year a collection year starts, like 2025 for 2025-26");
        }
        CurrentUser user = CurrentUser.fromSecurityContext();
        return capture.outcomes(access.changeable(caseRef, user), Integer.parseInt(year), new FormValues(body), user.id());
    }
}
