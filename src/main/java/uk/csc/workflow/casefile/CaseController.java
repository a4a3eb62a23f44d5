package uk.csc.workflow.casefile;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.identity.CurrentUser;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseFileService cases;

    CaseController(CaseFileService cases) {
        this.cases = cases;
    }

    @GetMapping("/{caseRef}")
    CaseSummary summary(@PathVariable String caseRef) {
        return cases.summary(caseRef, CurrentUser.fromSecurityContext());
    }

    /** {@code {"team": "team-south"}}: a service manager moves the case, and its engine grants, to another team. */
    @PutMapping("/{caseRef}/team")
    Map<String, String> reassignTeam(@PathVariable String caseRef, @RequestBody Map<String, String> body) {
        CaseRecord moved = cases.reassignTeam(caseRef, body.get("team"), CurrentUser.fromSecurityContext());
        return Map.of("caseRef", moved.caseRef(), "team", moved.team());
    }
}
