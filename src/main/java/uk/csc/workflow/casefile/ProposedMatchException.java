package uk.csc.workflow.casefile;

import java.util.List;

/**
 * A contact names a child who may already be known: nothing is recorded until the worker
 * confirms or rejects the match ({@link MatchChoice}). The API answers 409 with the candidates.
 */
public class ProposedMatchException extends RuntimeException {

    private final transient List<MatchCandidate> candidates;

    public ProposedMatchException(List<MatchCandidate> candidates) {
        super("The child may already be known: confirm or reject the proposed match (matchDecision)");
        this.candidates = List.copyOf(candidates);
    }

    public List<MatchCandidate> candidates() {
        return candidates;
    }
}
