package uk.csc.workflow.performance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.platform.forms.DateBound;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * Captures what the indicators need and no process records yet: the history of child protection
 * reviews held before the engine ran plans (a plan the engine runs records its own), a care leaver's
 * accommodation at 19, and a child in care's school absence per term.
 */
@Service
@Transactional
public class IndicatorDataService {

    /** SSDA903 ACCOM: a letter for the type and 1 (suitable) or 2 (unsuitable). */
    static final Set<Character> ACCOMMODATION_TYPES = Set.of('B', 'C', 'D', 'E', 'G', 'H', 'K', 'R', 'S', 'T', 'U', 'V', 'W', 'X',
            'Y', 'Z');

    /** SSDA903 IN_TOUCH. */
    static final Set<String> IN_TOUCH = Set.of("YES", "NO", "DIED", "REFU", "NREQ", "RHOM");
    /** SSDA903 ACTIV: full- or part-time education (F1, P1), training or employment (F2, P2, F4, P4), not (G4, G5, G6). */
    static final Set<String> ACTIVITIES = Set.of("F1", "P1", "F2", "P2", "F4", "P4", "G4", "G5", "G6");

    private final JdbcClient jdbc;
    private final StatutoryTimescales clock;
    private final CaseFileService cases;
    private final AuditLog audit;
    private final TimeSource time;

    IndicatorDataService(JdbcClient jdbc, StatutoryTimescales clock, CaseFileService cases, AuditLog audit, TimeSource time) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cases = cases;
        this.audit = audit;
        this.time = time;
    }

    /**
     * A child protection review held: due 3 months after the initial conference that made the plan,
     * then 6 months after the previous review (counted from when it was held).
     */
    public Map<String, Object> recordCpReview(CaseRecord record, FormValues form, String userId) {
        LocalDate held = form.pastDate("heldOn", time.today());
        var previous = jdbc.sql("SELECT MAX(held_on) FROM cp_review WHERE case_id = :c").param("c", record.id())
                .query(LocalDate.class).optional().orElse(null);
        var conference = jdbc.sql("""
                SELECT MAX(conference_held_on) FROM child_protection_enquiry WHERE case_id = :c AND conference_outcome = 'CP_PLAN'""")
                .param("c", record.id()).query(LocalDate.class).optional().orElse(null);
        if (previous == null && conference == null) {
            form.problem("heldOn", "the case has no child protection plan to review");
        }
        form.notBefore("heldOn", held, previous != null ? new DateBound(previous.plusDays(1), "the day after the previous review")
                : new DateBound(conference, "the conference that made the plan"));
        boolean runByTheEngine = jdbc.sql("""
                SELECT COUNT(*) FROM child_plan WHERE case_id = :c AND kind = 'CP' AND ended_on IS NULL AND process_instance_id IS NOT NULL""")
                .param("c", record.id()).query(Integer.class).single() > 0;
        if (runByTheEngine) {
            form.problem("heldOn", "the case's child protection plan records its reviews at its review conferences (Tasklist)");
        }
        form.validate();
        String rule = previous == null ? StatutoryRuleIds.CP_REVIEW_FIRST : StatutoryRuleIds.CP_REVIEW_NEXT;
        LocalDate due = clock.deadline(rule, previous == null ? conference : previous, GuidanceProfile.valueOf(record.profile())).dueOn();
        jdbc.sql("""
                INSERT INTO cp_review (case_id, rule, due_on, held_on, recorded_by, recorded_at)
                VALUES (:c, :r, :due, :held, :by, :at)""")
                .param("c", record.id()).param("r", rule).param("due", due).param("held", held).param("by", userId).param("at", now())
                .update();
        audit.record(userId, AuditLog.Action.CREATE, "CASE", record.caseRef(), "child protection review recorded");
        return Map.of("rule", rule, "dueOn", due.toString(), "heldOn", held.toString(), "onTime", !held.isAfter(due));
    }

    public Map<String, Object> recordCareLeaver(CaseRecord record, FormValues form, String userId) {
        String accommodation = form.text("accommodation", 2);
        if (accommodation != null && (accommodation.length() != 2 || !ACCOMMODATION_TYPES.contains(accommodation.charAt(0))
                || (accommodation.charAt(1) != '1' && accommodation.charAt(1) != '2'))) {
            form.problem("accommodation", "must be an SSDA903 accommodation code: a type letter and 1 (suitable) or 2 (unsuitable), e.g. U1");
        }
        // SSDA903 OC3 (optional): whether the council is in touch, and the young person's main activity.
        String inTouch = form.has("inTouch") ? form.oneOf("inTouch", IN_TOUCH) : null;
        String activity = form.has("activity") ? form.oneOf("activity", ACTIVITIES) : null;
        LocalDate born = jdbc.sql("SELECT ch.date_of_birth FROM child ch JOIN care_case c ON c.child_id = ch.id WHERE c.id = :c")
                .param("c", record.id()).query(LocalDate.class).optional().orElse(null);
        if (born == null) {
            form.problem("accommodation", "the child's date of birth is not recorded");
        }
        form.validate();
        LocalDate nineteenth = born.plusYears(19);
        int updated = jdbc.sql("UPDATE care_leaver SET accommodation = :a, in_touch = :t, activity = :act, recorded_by = :by, "
                        + "recorded_at = :at WHERE case_id = :c")
                .param("a", accommodation).param("t", inTouch).param("act", activity).param("by", userId).param("at", now())
                .param("c", record.id()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO care_leaver (case_id, nineteenth_birthday, accommodation, in_touch, activity, recorded_by, recorded_at)
                    VALUES (:c, :d, :a, :t, :act, :by, :at)""")
                    .param("c", record.id()).param("d", nineteenth).param("a", accommodation).param("t", inTouch).param("act", activity)
                    .param("by", userId).param("at", now())
                    .update();
        }
        audit.record(userId, AuditLog.Action.UPDATE, "CASE", record.caseRef(), "care leaver accommodation recorded");
        return Map.of("nineteenthBirthday", nineteenth.toString(), "accommodation", accommodation,
                "suitable", accommodation.endsWith("1"));
    }

    public Map<String, Object> recordSchoolAbsence(CaseRecord record, FormValues form, String userId) {
        // A term of the child's schooling: not in the future, not before the child was born.
        LocalDate termEnds = form.pastDate("termEndsOn", time.today(), cases.birthOf(record.id()));
        Integer daysAbsent = form.wholeNumber("daysAbsent", 0, 120);
        form.validate();
        jdbc.sql("DELETE FROM school_absence WHERE case_id = :c AND term_ends_on = :t").param("c", record.id()).param("t", termEnds)
                .update();
        jdbc.sql("""
                INSERT INTO school_absence (case_id, term_ends_on, days_absent, recorded_by, recorded_at)
                VALUES (:c, :t, :d, :by, :at)""")
                .param("c", record.id()).param("t", termEnds).param("d", daysAbsent).param("by", userId).param("at", now()).update();
        audit.record(userId, AuditLog.Action.UPDATE, "CASE", record.caseRef(), "school absence recorded");
        return Map.of("termEndsOn", termEnds.toString(), "daysAbsent", daysAbsent);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC);
    }
}
