package uk.csc.workflow.casefile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileCodes.MatchDecision;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.platform.web.BadRequestException;

/**
 * The front door's duplicate check: is a new contact about a child already known? The same NHS
 * number says so. Without one, similar names (in either order, spelling tolerant) and the same
 * date of birth make a likely match, unless both children have NHS numbers and they differ; a
 * likely match is the worker's to confirm or reject.
 */
@Component
class ChildMatching {

    /** A worker's decision on one candidate. */
    record Decided(long childId, MatchDecision decision, double score) {
    }

    /**
     * @param childId   the known child the contact is about, or null for a new child
     * @param linkedBy  NHS_NUMBER or CONFIRMED_MATCH, or null
     * @param decisions the worker's decisions, recorded with the new case
     */
    record Outcome(Long childId, String linkedBy, List<Decided> decisions) {
    }

    private final CaseFileRepository files;
    private final AuditLog audit;

    ChildMatching(CaseFileRepository files, AuditLog audit) {
        this.files = files;
        this.audit = audit;
    }

    Outcome match(NewChild child, MatchChoice choice, String userId) {
        if (child.nhsNumber() != null) {
            Optional<Long> known = files.childWithNhsNumber(child.nhsNumber());
            if (known.isPresent()) {
                return new Outcome(known.get(), "NHS_NUMBER", List.of());
            }
        }
        List<Scored> candidates = child.dateOfBirth() == null ? List.of() : likelyMatches(child);
        if (choice != null && choice.decision() == null) {
            throw new BadRequestException("matchDecision.decision", "must be CONFIRM or REJECT");
        }
        if (candidates.isEmpty()) {
            if (choice != null && choice.childId() != null) {
                throw new BadRequestException("matchDecision.childId", "child " + choice.childId()
                        + " is not a likely match for this contact: leave matchDecision out");
            }
            return new Outcome(null, null, List.of());
        }
        if (choice == null) {
            throw proposed(candidates, userId);
        }
        Optional<Scored> named = candidates.stream().filter(c -> choice.childId() != null && c.row().id() == choice.childId())
                .findFirst();
        if (choice.childId() != null && named.isEmpty()) {
            throw new BadRequestException("matchDecision.childId", "child " + choice.childId()
                    + " is not one of the proposed matches " + candidates.stream().map(c -> c.row().id()).toList());
        }
        if (choice.decision() == MatchDecision.CONFIRM) {
            if (named.isEmpty()) {
                throw new BadRequestException("matchDecision.childId", "give the child confirmed as this child");
            }
            return new Outcome(named.get().row().id(), "CONFIRMED_MATCH",
                    List.of(new Decided(named.get().row().id(), MatchDecision.CONFIRM, named.get().score())));
        }
        List<Decided> rejected = candidates.stream().map(c -> new Decided(c.row().id(), MatchDecision.REJECT, c.score())).toList();
        return new Outcome(null, null, rejected);
    }

    private record Scored(CaseFileRepository.ChildRow row, double score) {
    }

    private List<Scored> likelyMatches(NewChild child) {
        List<Scored> found = new ArrayList<>();
        for (CaseFileRepository.ChildRow known : files.bornOn(child.dateOfBirth())) {
            boolean toldApart = child.nhsNumber() != null && known.nhsNumber() != null && !child.nhsNumber().equals(known.nhsNumber());
            double score = toldApart ? 0 : ChildNames.likelyMatch(child.firstName(), child.lastName(), known.firstName(),
                    known.lastName());
            if (score > 0) {
                found.add(new Scored(known, score));
            }
        }
        found.sort(Comparator.comparing(Scored::score).reversed());
        return found;
    }

    /** The question to the worker; showing a known child is a read of that child's record, audited. */
    private ProposedMatchException proposed(List<Scored> candidates, String userId) {
        List<MatchCandidate> shown = candidates.stream().map(c -> new MatchCandidate(c.row().id(), c.row().firstName(),
                c.row().lastName(), c.row().dateOfBirth(), CodeLabels.coded(CodeLabels.SEX, c.row().sex()), c.row().postcode(),
                c.row().nhsNumber() != null, (int) Math.round(c.score() * 100))).toList();
        for (ChildCase known : files.casesOf(shown.stream().map(MatchCandidate::childId).toList())) {
            audit.record(userId, AuditLog.Action.READ, "CASE", known.record().caseRef(),
                    "child shown as a possible duplicate at the front door");
        }
        return new ProposedMatchException(shown);
    }
}
