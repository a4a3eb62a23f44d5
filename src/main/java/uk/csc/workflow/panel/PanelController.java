package uk.csc.workflow.panel;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.panel.process.PanelIntake;
import uk.csc.workflow.platform.forms.FormValues;

@RestController
class PanelController {

    private final PanelIntake intake;
    private final PanelDecisions decisions;
    private final PanelQueries queries;
    private final CaseFileService cases;
    private final AuditLog audit;

    PanelController(PanelIntake intake, PanelDecisions decisions, PanelQueries queries, CaseFileService cases, AuditLog audit) {
        this.intake = intake;
        this.decisions = decisions;
        this.queries = queries;
        this.cases = cases;
        this.audit = audit;
    }

    /** A team manager asks the panel about an open case; answers 201 with the request id. */
    @PostMapping("/api/cases/{caseRef}/panel-requests")
    ResponseEntity<Map<String, Object>> request(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        var answer = intake.request(cases.readable(caseRef, user), body, user);
        return ResponseEntity.created(URI.create("/api/cases/" + caseRef + "/panel")).body(answer);
    }

    /** The agenda: requests awaiting the next sitting. */
    @GetMapping("/api/panel/sittings/next")
    PanelQueries.Agenda nextSitting() {
        return queries.nextSitting(CurrentUser.fromSecurityContext());
    }

    @GetMapping("/api/cases/{caseRef}/panel")
    List<PanelQueries.RequestEntry> history(@PathVariable String caseRef) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        var record = cases.readable(caseRef, user);
        audit.record(user.id(), AuditLog.Action.READ, PanelRecords.CASE, caseRef, "panel history");
        return queries.history(record.id());
    }

    /** A correction: a new decision record naming the one it supersedes (which stays unchanged). */
    @PostMapping("/api/panel/decisions/{decisionId}/corrections")
    ResponseEntity<Map<String, Object>> correct(@PathVariable long decisionId, @RequestBody Map<String, Object> body) {
        CurrentUser user = CurrentUser.fromSecurityContext();
        if (!user.isIn(Groups.PANEL_CHAIR)) {
            throw new AccessDeniedException("Only a panel chair corrects a panel decision");
        }
        long id = decisions.correct(decisionId, new FormValues(body), user.id());
        return ResponseEntity.status(201).body(Map.of("decisionId", id, "supersedes", decisionId));
    }
}
