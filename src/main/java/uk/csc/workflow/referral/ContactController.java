package uk.csc.workflow.referral;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.casefile.MatchCandidate;
import uk.csc.workflow.casefile.ProposedMatchException;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.FieldProblem;
import uk.csc.workflow.referral.process.FrontDoor;

@RestController
@RequestMapping("/api/contacts")
class ContactController {

    private final FrontDoor frontDoor;
    private final TimeSource time;

    ContactController(FrontDoor frontDoor, TimeSource time) {
        this.frontDoor = frontDoor;
        this.time = time;
    }

    /** Records a contact and starts its referral route; answers 201 with the case reference. */
    @PostMapping
    ResponseEntity<ContactRegistered> receive(@RequestBody ContactRequest contact) {
        ContactRegistered registered = frontDoor.receive(contact, CurrentUser.fromSecurityContext());
        return ResponseEntity.created(URI.create("/api/cases/" + registered.caseRef())).body(registered);
    }

    /** The error answer's fields, and the children the contact may be about. */
    record ProposedMatch(Instant timestamp, int status, String error, String message, String path, List<FieldProblem> problems,
                         List<MatchCandidate> candidates) {
    }

    /**
     * The child may already be known: 409 with the candidates. The worker sends the contact again
     * with {@code matchDecision: {childId, decision: CONFIRM}} or {@code {decision: REJECT}}.
     */
    @ExceptionHandler(ProposedMatchException.class)
    ResponseEntity<ProposedMatch> proposedMatch(ProposedMatchException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ProposedMatch(time.now(), 409, "Conflict", e.getMessage(),
                request.getRequestURI(), List.of(new FieldProblem("matchDecision",
                        "this may be a child already known: confirm one of the candidates (CONFIRM with its childId) or REJECT them all")),
                e.candidates()));
    }
}
