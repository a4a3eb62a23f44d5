package uk.csc.workflow.referral;

import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.casefile.CaseFileAccess;
import uk.csc.workflow.identity.CurrentUser;

/** {@code PUT /api/cases/{ref}/assessment-factors {"factors": ["3A", "4B"]}}: team-scoped, audited. */
@RestController
class AssessmentFactorsController {

    private final AssessmentFactors factors;
    private final CaseFileAccess access;

    AssessmentFactorsController(AssessmentFactors factors, CaseFileAccess access) {
        this.factors = factors;
        this.access = access;
    }

    @PutMapping("/api/cases/{caseRef}/assessment-factors")
    Map<String, Object> record(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        return factors.record(access.changeable(caseRef, user), body.get("factors"), user.id());
    }
}
