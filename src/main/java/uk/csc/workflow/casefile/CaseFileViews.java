package uk.csc.workflow.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;

import uk.csc.workflow.codes.CodeLabels.Coded;

/** The JSON shapes of the case file API: codes come with their labels ({@link Coded}), dates in ISO. */
public final class CaseFileViews {

    private CaseFileViews() {
    }

    /** Who the child is. {@code age} is null for an unborn child, who has {@code expectedBirth}. */
    public record ChildView(long childId, String firstName, String lastName, String name, LocalDate dateOfBirth,
                            LocalDate expectedBirth, Age age, Coded sex, Coded ethnicity, String nhsNumber, String upn,
                            String address, String postcode, Coded firstLanguage, List<Coded> disabilities) {
    }

    public record PersonView(long id, String name, Coded relationship, boolean parentalResponsibility, boolean livesWithChild,
                             LocalDate dateOfBirth, String phone, String address, String addedBy, Instant addedAt) {
    }

    public record ProfessionalView(long id, Coded role, String name, String organisation, String phone, String email,
                                   String addedBy, Instant addedAt) {
    }

    public record AlertView(long id, Coded kind, String text, String raisedBy, Instant raisedAt) {
    }

    /**
     * A case note. Notes are never changed: a correction is a new note naming the one it
     * corrects; the corrected note stays, marked {@code corrected} with {@code correctedBy}.
     */
    public record NoteView(long id, String caseRef, Coded type, LocalDate date, String text, Long corrects, boolean corrected,
                           Long correctedBy, String writtenBy, String writtenByName, Instant writtenAt) {
    }

    /**
     * One line of the chronology.
     *
     * @param source {@code SYSTEM} (what the system recorded), {@code EVENT} (a significant event a
     *               worker added) or {@code NOTE} (a case note)
     */
    public record ChronologyItem(LocalDate date, Coded kind, String summary, String who, String whoName, String caseRef,
                                 String source) {
    }

    /** One of the child's cases in their history. */
    public record CaseLine(String caseRef, Coded team, Coded stage, Coded outcome, boolean open, boolean reReferral,
                           LocalDate receivedOn, Instant openedAt, Instant closedAt) {
    }

    /**
     * The case file: alerts first, then who the child is, the people and professionals around
     * them, and the parts other features own (legal status, placement, legal proceedings, open
     * deadlines), each under its own name.
     */
    public record CaseFile(String caseRef, Coded team, String worker, Coded stage, Coded outcome, boolean reReferral,
                           Instant openedAt, Instant closedAt, List<AlertView> alerts, ChildView child,
                           List<PersonView> people, List<ProfessionalView> professionals,
                           @JsonIgnore Map<String, Object> parts) {

        @JsonAnyGetter
        public Map<String, Object> sections() {
            return parts;
        }
    }
}
