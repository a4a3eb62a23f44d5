package uk.csc.workflow.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseFileCodes.ChronologyKind;
import uk.csc.workflow.casefile.CaseFileViews.ChronologyItem;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * The child's chronology: everything the system recorded about the child's cases, read from the
 * tables of the features that recorded it ({@link ChronologySource}), with the significant events
 * workers add and the case notes, in date order. It spans every case of the child the user may
 * see (a re-referral shows the earlier case's history); each case shown is audited.
 */
@Service
@Transactional(noRollbackFor = AccessDeniedException.class)
public class Chronology {

    private static final String CASE = "CASE";

    private final CaseFileAccess access;
    private final CaseFileRepository files;
    private final List<ChronologySource> sources;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final TimeSource time;

    Chronology(CaseFileAccess access, CaseFileRepository files, List<ChronologySource> sources, AuditLog audit, StaffDirectory staff,
               TimeSource time) {
        this.access = access;
        this.files = files;
        this.sources = sources;
        this.audit = audit;
        this.staff = staff;
        this.time = time;
    }

    /** The chronology, oldest first; {@code kind} narrows it to one kind of entry. */
    public List<ChronologyItem> of(String caseRef, String kind, CurrentUser user) {
        CaseRecord record = access.readable(caseRef, user);
        ChronologyKind only = null;
        if (kind != null && !kind.isBlank()) {
            FormValues form = new FormValues(Map.of("kind", kind));
            only = form.optionalCode("kind", ChronologyKind.class);
            form.validate();
        }
        List<CaseRecord> visible = access.visible(files.casesOf(List.of(record.childId())).stream().map(ChildCase::record).toList(),
                user);
        Map<Long, String> refs = visible.stream().collect(Collectors.toMap(CaseRecord::id, CaseRecord::caseRef));
        audit.record(user.id(), AuditLog.Action.READ, CASE, caseRef, "chronology" + (only == null ? "" : " (" + only + ")"));
        visible.stream().filter(c -> c.id() != record.id()).forEach(c ->
                audit.record(user.id(), AuditLog.Action.READ, CASE, c.caseRef(), "chronology, shown with " + caseRef));
        List<ChronologyEntry> entries = new ArrayList<>();
        for (ChronologySource source : sources) {
            entries.addAll(source.entriesFor(refs.keySet()));
        }
        ChronologyKind filter = only;
        List<ChronologyEntry> chosen = entries.stream().filter(e -> filter == null || e.kind() == filter)
                .sorted(Comparator.comparing(ChronologyEntry::date)
                        .thenComparing(ChronologyEntry::at, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                        .thenComparing(ChronologyEntry::kind))
                .toList();
        Map<String, String> names = staff.names(chosen.stream().map(ChronologyEntry::who).toList());
        return chosen.stream().map(e -> new ChronologyItem(e.date(), CodeLabels.coded(CodeLabels.CHRONOLOGY_KIND, e.kind()),
                e.summary(), e.who(), names.get(e.who()), refs.get(e.caseId()), source(e.kind()))).toList();
    }

    /** A significant event a worker adds (a hospital admission, a move of house, a court hearing). */
    public ChronologyItem add(String caseRef, Map<String, Object> body, CurrentUser user) {
        CaseRecord record = access.changeable(caseRef, user);
        FormValues form = new FormValues(body);
        LocalDate date = form.pastDate("date", time.today());
        ChronologyKind kind = form.code("kind", ChronologyKind.class);
        String summary = form.text("summary", 1000);
        if (kind != null && !kind.recordedByWorker()) {
            form.problem("kind", kind + " is recorded by the system; a worker adds one of "
                    + java.util.Arrays.stream(ChronologyKind.values()).filter(ChronologyKind::recordedByWorker).toList());
        }
        LocalDate born = files.child(record.childId()).map(CaseFileRepository.ChildRow::dateOfBirth).orElse(null);
        if (date != null && born != null && date.isBefore(born)) {
            form.problem("date", "cannot be before the child was born (" + born + ")");
        }
        form.validate();
        files.insertEvent(record.id(), date, kind.name(), summary, user.id(), time.now());
        audit.record(user.id(), AuditLog.Action.CREATE, CASE, caseRef, "chronology event: " + kind);
        return new ChronologyItem(date, CodeLabels.coded(CodeLabels.CHRONOLOGY_KIND, kind), summary, user.id(),
                staff.names(List.of(user.id())).get(user.id()), caseRef, source(kind));
    }

    private static String source(ChronologyKind kind) {
        return kind == ChronologyKind.NOTE ? "NOTE" : kind.recordedByWorker() ? "EVENT" : "SYSTEM";
    }
}
