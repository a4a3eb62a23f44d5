package uk.csc.workflow.casefile;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.csc.workflow.casefile.CaseFileViews.AlertView;
import uk.csc.workflow.casefile.CaseFileViews.CaseFile;
import uk.csc.workflow.casefile.CaseFileViews.ChildView;
import uk.csc.workflow.casefile.CaseFileViews.ChronologyItem;
import uk.csc.workflow.casefile.CaseFileViews.NoteView;
import uk.csc.workflow.casefile.CaseFileViews.PersonView;
import uk.csc.workflow.casefile.CaseFileViews.ProfessionalView;
import uk.csc.workflow.identity.CurrentUser;

/** The case file over HTTP: the child, the people around them, alerts, notes and the chronology. Team-scoped, audited. */
@RestController
class CaseFileController {

    private final ChildFile files;
    private final CaseNotes notes;
    private final Chronology chronology;
    private final ChildSearch search;

    CaseFileController(ChildFile files, CaseNotes notes, Chronology chronology, ChildSearch search) {
        this.files = files;
        this.notes = notes;
        this.chronology = chronology;
        this.search = search;
    }

    @GetMapping("/api/cases/{caseRef}/file")
    CaseFile file(@PathVariable String caseRef) {
        return files.file(caseRef, CurrentUser.fromSecurityContext());
    }

    @PutMapping("/api/cases/{caseRef}/child")
    ChildView child(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        return files.updateDetails(caseRef, body, CurrentUser.fromSecurityContext());
    }

    @PostMapping("/api/cases/{caseRef}/people")
    ResponseEntity<PersonView> person(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        return created(caseRef, files.addPerson(caseRef, body, CurrentUser.fromSecurityContext()));
    }

    @PostMapping("/api/cases/{caseRef}/professionals")
    ResponseEntity<ProfessionalView> professional(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        return created(caseRef, files.addProfessional(caseRef, body, CurrentUser.fromSecurityContext()));
    }

    @PostMapping("/api/cases/{caseRef}/alerts")
    ResponseEntity<AlertView> alert(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        return created(caseRef, files.addAlert(caseRef, body, CurrentUser.fromSecurityContext()));
    }

    @GetMapping("/api/cases/{caseRef}/notes")
    List<NoteView> notes(@PathVariable String caseRef) {
        return notes.list(caseRef, CurrentUser.fromSecurityContext());
    }

    @PostMapping("/api/cases/{caseRef}/notes")
    ResponseEntity<NoteView> note(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        NoteView note = notes.add(caseRef, body, CurrentUser.fromSecurityContext());
        return ResponseEntity.created(URI.create("/api/cases/" + caseRef + "/notes")).body(note);
    }

    @GetMapping("/api/cases/{caseRef}/chronology")
    List<ChronologyItem> chronology(@PathVariable String caseRef, @RequestParam(required = false) String kind) {
        return chronology.of(caseRef, kind, CurrentUser.fromSecurityContext());
    }

    @PostMapping("/api/cases/{caseRef}/chronology")
    ResponseEntity<ChronologyItem> event(@PathVariable String caseRef, @RequestBody Map<String, Object> body) {
        ChronologyItem item = chronology.add(caseRef, body, CurrentUser.fromSecurityContext());
        return ResponseEntity.created(URI.create("/api/cases/" + caseRef + "/chronology")).body(item);
    }

    @GetMapping("/api/children/search")
    List<ChildSearch.Found> search(@RequestParam(required = false) String q, @RequestParam(required = false) String dob,
                                   @RequestParam(required = false) String nhs, @RequestParam(required = false) String upn,
                                   @RequestParam(required = false) String postcode) {
        return search.search(new ChildSearch.Criteria(q, dob, nhs, upn, postcode), CurrentUser.fromSecurityContext());
    }

    private static <T> ResponseEntity<T> created(String caseRef, T body) {
        return ResponseEntity.created(URI.create("/api/cases/" + caseRef + "/file")).body(body);
    }
}
