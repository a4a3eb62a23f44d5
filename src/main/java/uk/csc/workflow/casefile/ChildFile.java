package uk.csc.workflow.casefile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseFileCodes.AlertKind;
import uk.csc.workflow.casefile.CaseFileCodes.Disability;
import uk.csc.workflow.casefile.CaseFileCodes.Language;
import uk.csc.workflow.casefile.CaseFileCodes.ProfessionalRole;
import uk.csc.workflow.casefile.CaseFileCodes.Relationship;
import uk.csc.workflow.casefile.CaseFileViews.AlertView;
import uk.csc.workflow.casefile.CaseFileViews.CaseFile;
import uk.csc.workflow.casefile.CaseFileViews.ChildView;
import uk.csc.workflow.casefile.CaseFileViews.PersonView;
import uk.csc.workflow.casefile.CaseFileViews.ProfessionalView;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeLabels.Coded;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * The child's file: who the child is, the people and professionals around them and the alerts
 * about them, with the parts other features own. The people, professionals and alerts belong to
 * the child, so every case of the child shows them. Each read and change is audited on the case.
 */
@Service
@Transactional(noRollbackFor = AccessDeniedException.class)
public class ChildFile {

    private static final String CASE = "CASE";

    private final CaseFileAccess access;
    private final CaseRepository cases;
    private final CaseFileRepository files;
    private final AuditLog audit;
    private final TimeSource time;
    private final StaffDirectory staff;
    private final List<CaseFileSection> sections;

    ChildFile(CaseFileAccess access, CaseRepository cases, CaseFileRepository files, AuditLog audit, TimeSource time,
              StaffDirectory staff, List<CaseFileSection> sections) {
        this.access = access;
        this.cases = cases;
        this.files = files;
        this.audit = audit;
        this.time = time;
        this.staff = staff;
        this.sections = sections;
    }

    /** The whole file of the case, for a user allowed to read it. */
    public CaseFile file(String caseRef, CurrentUser user) {
        CaseRecord record = access.readable(caseRef, user);
        audit.record(user.id(), AuditLog.Action.READ, CASE, caseRef, "case file");
        CaseSummary summary = cases.summary(caseRef).orElseThrow();
        Map<String, Object> parts = new LinkedHashMap<>();
        sections.forEach(section -> parts.putAll(section.partsFor(record.id())));
        return new CaseFile(caseRef, team(record.team()), record.worker(), CodeLabels.coded(CodeLabels.CASE_STAGE, record.stage()),
                CodeLabels.coded(CodeLabels.CASE_OUTCOME, summary.outcome()), summary.reReferral(), summary.openedAt(),
                summary.closedAt(), alerts(record.childId()), child(record.childId()), people(record.childId()),
                professionals(record.childId()), parts);
    }

    /** A parent, carer, sibling or other household member. */
    public PersonView addPerson(String caseRef, Map<String, Object> body, CurrentUser user) {
        CaseRecord record = access.changeable(caseRef, user);
        FormValues form = new FormValues(body);
        String name = form.text("name", 200);
        Relationship relationship = form.code("relationship", Relationship.class);
        Boolean pr = Fields.yesNo(body, "parentalResponsibility", form);
        Boolean livesWith = Fields.yesNo(body, "livesWithChild", form);
        LocalDate born = form.optionalPastDate("dateOfBirth", time.today());
        String phone = Fields.phone(form, "phone");
        String address = form.optionalText("address", 300);
        form.validate();
        long id = files.insertPerson(record.childId(), name, relationship.name(), pr, livesWith, born, phone, address, user.id(),
                time.now());
        audit.record(user.id(), AuditLog.Action.CREATE, CASE, caseRef, "person added: " + relationship);
        return people(record.childId()).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    /** The GP, school, health visitor, police contact or another professional. */
    public ProfessionalView addProfessional(String caseRef, Map<String, Object> body, CurrentUser user) {
        CaseRecord record = access.changeable(caseRef, user);
        FormValues form = new FormValues(body);
        ProfessionalRole role = form.code("role", ProfessionalRole.class);
        String name = form.optionalText("name", 200);
        String organisation = form.optionalText("organisation", 200);
        String phone = Fields.phone(form, "phone");
        String email = Fields.email(form, "email");
        if (name == null && organisation == null && !form.hasProblem("name") && !form.hasProblem("organisation")) {
            form.problem("name", "give the professional's name or their organisation");
        }
        form.validate();
        long id = files.insertProfessional(record.childId(), role.name(), name, organisation, phone, email, user.id(), time.now());
        audit.record(user.id(), AuditLog.Action.CREATE, CASE, caseRef, "professional added: " + role);
        return professionals(record.childId()).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
    }

    /** A warning everyone opening the file sees first (risk to staff, restricted record, ...). */
    public AlertView addAlert(String caseRef, Map<String, Object> body, CurrentUser user) {
        CaseRecord record = access.changeable(caseRef, user);
        FormValues form = new FormValues(body);
        AlertKind kind = form.code("kind", AlertKind.class);
        String text = form.text("text", 1000);
        form.validate();
        long id = files.insertAlert(record.childId(), kind.name(), text, user.id(), time.now());
        audit.record(user.id(), AuditLog.Action.CREATE, CASE, caseRef, "alert raised: " + kind);
        return alerts(record.childId()).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    /**
     * The child's further details as they become known: address, first language and disability
     * (the identity that duplicates are checked on, names, date of birth, NHS number, is the front
     * door's). The request gives the whole set; what it leaves out is cleared.
     */
    public ChildView updateDetails(String caseRef, Map<String, Object> body, CurrentUser user) {
        CaseRecord record = access.changeable(caseRef, user);
        FormValues form = new FormValues(body);
        String address = form.optionalText("address", 300);
        Language language = form.optionalCode("firstLanguage", Language.class);
        Set<Disability> disabilities = Fields.codes(body, "disabilities", Disability.class, form);
        if (disabilities.contains(Disability.NONE) && disabilities.size() > 1) {
            form.problem("disabilities", "NONE (no disability) cannot be given with a disability");
        }
        form.validate();
        files.updateDetails(record.childId(), address, language == null ? null : language.name(),
                disabilities.stream().map(Enum::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
        audit.record(user.id(), AuditLog.Action.UPDATE, CASE, caseRef, "child's details updated");
        return child(record.childId());
    }

    // ---- views --------------------------------------------------------------------------------

    /** Who the child is (for other features' views: task cards, task contexts). */
    public ChildView child(long childId) {
        CaseFileRepository.ChildRow row = files.child(childId).orElseThrow();
        return childView(row, files.disabilities(childId), time.today());
    }

    static ChildView childView(CaseFileRepository.ChildRow row, List<String> disabilities, LocalDate today) {
        return new ChildView(row.id(), row.firstName(), row.lastName(), row.firstName() + " " + row.lastName(), row.dateOfBirth(),
                row.expectedBirth(), Age.of(row.dateOfBirth(), today), CodeLabels.coded(CodeLabels.SEX, row.sex()),
                CodeLabels.coded(CodeLabels.ETHNICITY, row.ethnicity()), row.nhsNumber(), row.upn(), row.address(),
                row.postcode(), CodeLabels.coded(CodeLabels.LANGUAGE, row.firstLanguage()),
                disabilities.stream().map(code -> CodeLabels.coded(CodeLabels.DISABILITY, code)).toList());
    }

    private List<PersonView> people(long childId) {
        return files.people(childId).stream().map(p -> new PersonView(p.id(), p.name(),
                CodeLabels.coded(CodeLabels.RELATIONSHIP, p.relationship()), p.parentalResponsibility(), p.livesWithChild(),
                p.dateOfBirth(), p.phone(), p.address(), p.addedBy(), p.addedAt())).toList();
    }

    private List<ProfessionalView> professionals(long childId) {
        return files.professionals(childId).stream().map(p -> new ProfessionalView(p.id(),
                CodeLabels.coded(CodeLabels.PROFESSIONAL_ROLE, p.role()), p.name(), p.organisation(), p.phone(), p.email(),
                p.addedBy(), p.addedAt())).toList();
    }

    private List<AlertView> alerts(long childId) {
        return files.alerts(childId).stream().map(a -> new AlertView(a.id(), CodeLabels.coded(CodeLabels.ALERT_KIND, a.kind()),
                a.text(), a.raisedBy(), a.raisedAt())).toList();
    }

    /** One of a child's cases, as a history shows it. */
    public CaseFileViews.CaseLine caseLine(ChildCase c) {
        return caseLine(c, team(c.record().team()));
    }

    /** The line with its team's name already looked up (a search lists many cases of few teams). */
    CaseFileViews.CaseLine caseLine(ChildCase c, Coded team) {
        return new CaseFileViews.CaseLine(c.record().caseRef(), team,
                CodeLabels.coded(CodeLabels.CASE_STAGE, c.record().stage()), CodeLabels.coded(CodeLabels.CASE_OUTCOME, c.outcome()),
                c.open(), c.reReferral(), c.receivedOn(), c.openedAt(), c.closedAt());
    }

    /** A team with its name ("team-north", "Team North"). */
    public Coded team(String team) {
        return new Coded(team, staff.groupName(team).orElse(team));
    }
}
