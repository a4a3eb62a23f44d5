package uk.csc.workflow.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileCodes.ChronologyKind;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.timescales.StatutoryTimescales;

/** The case file's own entries: cases opened and closed, allocations, duplicate checks, notes and workers' events. */
@Component
class CaseFileChronology implements ChronologySource {

    /** A note's text is shown up to this length in the chronology; the note itself has it all. */
    static final int NOTE_EXCERPT = 300;

    private final CaseFileRepository files;
    private final StaffDirectory staff;

    CaseFileChronology(CaseFileRepository files, StaffDirectory staff) {
        this.files = files;
        this.staff = staff;
    }

    @Override
    public List<ChronologyEntry> entriesFor(Collection<Long> caseIds) {
        List<ChronologyEntry> entries = new ArrayList<>();
        for (CaseFileRepository.CaseMoment m : files.momentsOf(caseIds)) {
            String summary = switch (m.what()) {
                case "OPENED" -> "Case opened in " + staff.groupName(m.detail()).orElse(m.detail());
                case "CLOSED" -> "Case closed: " + CodeLabels.label(CodeLabels.CASE_OUTCOME, m.detail()).toLowerCase(java.util.Locale.ROOT);
                case "ALLOCATED" -> "Allocated to " + staff.names(List.of(m.detail())).getOrDefault(m.detail(), m.detail());
                case "MATCH_CONFIRM" -> "Duplicate check: the contact is about a child already known (child " + m.detail()
                        + "), confirmed by the worker";
                default -> "Duplicate check: a child already known (child " + m.detail()
                        + ") was a possible match, rejected by the worker as a different child";
            };
            ChronologyKind kind = m.what().equals("ALLOCATED") ? ChronologyKind.ALLOCATION : ChronologyKind.CASE;
            entries.add(new ChronologyEntry(m.caseId(), day(m.at()), m.at(), kind, summary, m.who()));
        }
        for (CaseFileRepository.NoteRow n : files.notesOf(caseIds)) {
            String text = n.text().length() > NOTE_EXCERPT ? n.text().substring(0, NOTE_EXCERPT) + "..." : n.text();
            String summary = CodeLabels.label(CodeLabels.NOTE_TYPE, n.type()) + " (note " + n.id()
                    + (n.corrects() == null ? "" : ", correcting note " + n.corrects())
                    + (n.correctedBy() == null ? "" : ", corrected by note " + n.correctedBy()) + "): " + text;
            entries.add(new ChronologyEntry(n.caseId(), n.occurredOn(), n.writtenAt(), ChronologyKind.NOTE, summary, n.writtenBy()));
        }
        for (CaseFileRepository.EventRow e : files.eventsOf(caseIds)) {
            entries.add(new ChronologyEntry(e.caseId(), e.occurredOn(), e.recordedAt(), ChronologyKind.valueOf(e.kind()), e.summary(),
                    e.recordedBy()));
        }
        return entries;
    }

    static LocalDate day(Instant at) {
        return at.atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
    }
}
