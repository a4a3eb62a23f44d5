package uk.csc.workflow.casefile;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
}
