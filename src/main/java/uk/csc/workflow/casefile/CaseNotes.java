package uk.csc.workflow.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseFileCodes.NoteType;
import uk.csc.workflow.casefile.CaseFileViews.NoteView;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * Case notes: what a worker did and learned (a visit, a phone call, a meeting, a manager's
 * oversight). A note is never edited or deleted; a correction is a new note that names the note
 * it corrects, and answers mark the corrected one.
 */
@Service
@Transactional(noRollbackFor = AccessDeniedException.class)
public class CaseNotes {

    static final int MAX_TEXT = 4000;
    private static final String CASE = "CASE";

    private final CaseFileAccess access;
    private final CaseRepository cases;
    private final CaseFileRepository files;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final TimeSource time;

    CaseNotes(CaseFileAccess access, CaseRepository cases, CaseFileRepository files, AuditLog audit, StaffDirectory staff,
              TimeSource time) {
        this.access = access;
        this.cases = cases;
        this.files = files;
        this.audit = audit;
        this.staff = staff;
        this.time = time;
    }

    /**
     * A note by the case's team, a city-wide manager, or the child's independent reviewing
     * officer. Its date is when it happened: not in the future, not before the case began.
     */
    public NoteView add(String caseRef, Map<String, Object> body, CurrentUser user) {
        CaseRecord record = access.changeable(caseRef, user, Groups.IRO);
        FormValues form = new FormValues(body);
        NoteType type = form.code("type", NoteType.class);
        LocalDate date = form.pastDate("date", time.today());
        String text = form.text("text", MAX_TEXT);
        Long corrects = Fields.optionalId(body, "corrects", form);
        LocalDate began = cases.startedOn(record.id());
        if (date != null && date.isBefore(began)) {
            form.problem("date", "cannot be before the case began (" + began + ")");
        }
        if (corrects != null) {
            var corrected = files.note(corrects);
            if (corrected.isEmpty() || corrected.get().caseId() != record.id()) {
                form.problem("corrects", "there is no note " + corrects + " on case " + caseRef);
            } else if (corrected.get().correctedBy() != null) {
                form.problem("corrects", "note " + corrects + " was already corrected by note " + corrected.get().correctedBy()
                        + ": correct that one instead");
            }
        }
        form.validate();
        long id;
        try {
            id = files.insertNote(record.id(), type.name(), date, text, corrects, user.id(), time.now());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new uk.csc.workflow.platform.web.BadRequestException("corrects", "note " + corrects + " was corrected meanwhile");
        }
        audit.record(user.id(), AuditLog.Action.CREATE, CASE, caseRef,
                "case note " + id + " (" + type + ")" + (corrects == null ? "" : ", correcting note " + corrects));
        return views(List.of(record), List.of(id)).get(0);
    }

    /** The case's notes, oldest first, corrected ones marked. */
    public List<NoteView> list(String caseRef, CurrentUser user) {
        CaseRecord record = access.readable(caseRef, user);
        audit.record(user.id(), AuditLog.Action.READ, CASE, caseRef, "case notes");
        return views(List.of(record), null);
    }

    /** Views of the notes of the cases (only {@code ids} when given). */
    private List<NoteView> views(List<CaseRecord> records, List<Long> ids) {
        Map<Long, String> refs = records.stream().collect(java.util.stream.Collectors.toMap(CaseRecord::id, CaseRecord::caseRef));
        var rows = files.notesOf(refs.keySet()).stream().filter(n -> ids == null || ids.contains(n.id())).toList();
        Map<String, String> names = staff.names(rows.stream().map(CaseFileRepository.NoteRow::writtenBy).toList());
        return rows.stream().map(n -> new NoteView(n.id(), refs.get(n.caseId()), CodeLabels.coded(CodeLabels.NOTE_TYPE, n.type()),
                n.occurredOn(), n.text(), n.corrects(), n.correctedBy() != null, n.correctedBy(), n.writtenBy(),
                names.get(n.writtenBy()), n.writtenAt())).toList();
    }
}
