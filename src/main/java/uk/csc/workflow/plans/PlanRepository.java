package uk.csc.workflow.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The plans and their reviews, core group meetings and visits (tables child_plan, plan_item, cp_category_change). */
@Repository
class PlanRepository {

    record Plan(long id, PlanKind kind, long caseId, long childId, String source, LocalDate startedOn, String category,
                Integer planNumber, int previousPlansElsewhere, String processInstanceId, LocalDate agreedOn, LocalDate endedOn,
                String ending, String closureReason) {
    }

    record NewPlan(PlanKind kind, long caseId, long childId, String source, LocalDate startedOn, String category, Integer planNumber,
                   int previousPlansElsewhere, String originatingAuthority, String startedBy) {
    }

    record Item(long id, long planId, long caseId, ItemKind kind, int number, String rule, String occurrence, LocalDate countedFrom,
                LocalDate dueOn, LocalDate doneOn, boolean late, String decision, String newCategory, String ending,
                String closureReason, String recordedBy, LocalDate cancelledOn) {
    }

    /** What was recorded when a review, meeting or visit took place (the fields its kind has; the rest null). */
    record Done(LocalDate doneOn, boolean late, String lateReason, String attendees, Boolean seenAlone, String notes,
                String decision, String newCategory, String ending, String closureReason, String recordedBy) {
    }

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewPlan plan, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO child_plan (kind, case_id, child_id, source, started_on, category, plan_number, previous_plans_elsewhere,
                                        originating_authority, started_by, started_at)
                VALUES (:kind, :c, :child, :source, :started, :category, :number, :elsewhere, :authority, :by, :at)""")
                .param("kind", plan.kind().name()).param("c", plan.caseId()).param("child", plan.childId())
                .param("source", plan.source()).param("started", plan.startedOn()).param("category", plan.category())
                .param("number", plan.planNumber()).param("elsewhere", plan.previousPlansElsewhere())
                .param("authority", plan.originatingAuthority()).param("by", plan.startedBy()).param("at", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void attachProcess(long planId, String processInstanceId) {
        jdbc.sql("UPDATE child_plan SET process_instance_id = :pi WHERE id = :id").param("pi", processInstanceId).param("id", planId).update();
    }

    /** The lead child protection practitioner who leads the plan (a multi-agency child protection team's). */
    void recordLead(long planId, String leadPractitioner) {
        jdbc.sql("UPDATE child_plan SET lead_practitioner = :lead WHERE id = :id").param("lead", leadPractitioner).param("id", planId).update();
    }

    Optional<String> lead(long planId) {
        return jdbc.sql("SELECT lead_practitioner FROM child_plan WHERE id = :id").param("id", planId).query(String.class).optional();
    }

    Plan get(long planId) {
        return jdbc.sql("SELECT * FROM child_plan WHERE id = :id").param("id", planId).query(PlanRepository::plan).single();
    }

    /** The case's plan of this kind that a process is running, if any. */
    Optional<Plan> open(long caseId, PlanKind kind) {
        return jdbc.sql("""
                SELECT * FROM child_plan WHERE case_id = :c AND kind = :k AND ended_on IS NULL AND process_instance_id IS NOT NULL
                ORDER BY id DESC""").param("c", caseId).param("k", kind.name()).query(PlanRepository::plan).list().stream().findFirst();
    }

    Optional<Plan> latest(long caseId, PlanKind kind) {
        return jdbc.sql("SELECT * FROM child_plan WHERE case_id = :c AND kind = :k ORDER BY id DESC")
                .param("c", caseId).param("k", kind.name()).query(PlanRepository::plan).list().stream().findFirst();
    }

    List<Plan> ofCase(long caseId) {
        return jdbc.sql("SELECT * FROM child_plan WHERE case_id = :c ORDER BY started_on, id").param("c", caseId)
                .query(PlanRepository::plan).list();
    }

    /** The child's child protection plans here before this one: whichever case they were on, imported ones too. */
    int earlierChildProtectionPlans(long childId) {
        return jdbc.sql("SELECT COUNT(*) FROM child_plan WHERE child_id = :child AND kind = 'CP'").param("child", childId)
                .query(Integer.class).single();
    }

    void changeCategory(long planId, String from, String to, LocalDate on, long reviewItemId, String userId) {
        jdbc.sql("UPDATE child_plan SET category = :to WHERE id = :id").param("to", to).param("id", planId).update();
        jdbc.sql("""
                INSERT INTO cp_category_change (plan_id, changed_on, from_category, to_category, review_item_id, changed_by)
                VALUES (:p, :on, :from, :to, :review, :by)""")
                .param("p", planId).param("on", on).param("from", from).param("to", to).param("review", reviewItemId)
                .param("by", userId).update();
    }

    void agree(long planId, LocalDate agreedOn, String participants, String needs, String userId) {
        jdbc.sql("UPDATE child_plan SET agreed_on = :on, participants = :p, needs = :n, agreed_by = :by WHERE id = :id")
                .param("on", agreedOn).param("p", participants).param("n", needs).param("by", userId).param("id", planId).update();
    }

    void end(long planId, LocalDate on, String ending, String closureReason, String reason, String userId) {
        jdbc.sql("""
                UPDATE child_plan SET ended_on = :on, ending = :ending, closure_reason = :rc, ending_reason = :reason, ended_by = :by
                WHERE id = :id AND ended_on IS NULL""")
                .param("on", on).param("ending", ending).param("rc", closureReason).param("reason", reason).param("by", userId)
                .param("id", planId).update();
    }

    // ---- items -------------------------------------------------------------------------------

    Optional<Item> openItem(long planId, ItemKind kind) {
        return jdbc.sql("""
                SELECT * FROM plan_item WHERE plan_id = :p AND kind = :k AND done_on IS NULL AND cancelled_on IS NULL
                ORDER BY number""").param("p", planId).param("k", kind.name()).query(PlanRepository::item).list().stream().findFirst();
    }

    /** The items of this kind already held (or visits made), in order. */
    List<Item> done(long planId, ItemKind kind) {
        return jdbc.sql("SELECT * FROM plan_item WHERE plan_id = :p AND kind = :k AND done_on IS NOT NULL ORDER BY number")
                .param("p", planId).param("k", kind.name()).query(PlanRepository::item).list();
    }

    int nextNumber(long planId, ItemKind kind) {
        return jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM plan_item WHERE plan_id = :p AND kind = :k")
                .param("p", planId).param("k", kind.name()).query(Integer.class).single();
    }

    long insertItem(long planId, long caseId, ItemKind kind, int number, String rule, String occurrence, LocalDate countedFrom,
                    LocalDate dueOn) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO plan_item (plan_id, case_id, kind, number, rule, occurrence, counted_from, due_on)
                VALUES (:p, :c, :k, :n, :r, :o, :from, :due)""")
                .param("p", planId).param("c", caseId).param("k", kind.name()).param("n", number).param("r", rule)
                .param("o", occurrence).param("from", countedFrom).param("due", dueOn).update(keys, "id");
        return keys.getKey().longValue();
    }

    Item item(long itemId) {
        return jdbc.sql("SELECT * FROM plan_item WHERE id = :id").param("id", itemId).query(PlanRepository::item).single();
    }

    void recordDone(long itemId, Done done) {
        jdbc.sql("""
                UPDATE plan_item SET done_on = :on, late = :late, late_reason = :lateReason, attendees = :attendees,
                       seen_alone = :alone, notes = :notes, decision = :decision, new_category = :category, ending = :ending,
                       closure_reason = :rc, recorded_by = :by
                WHERE id = :id""")
                .param("on", done.doneOn()).param("late", done.late()).param("lateReason", done.lateReason())
                .param("attendees", done.attendees()).param("alone", done.seenAlone()).param("notes", done.notes())
                .param("decision", done.decision()).param("category", done.newCategory()).param("ending", done.ending())
                .param("rc", done.closureReason()).param("by", done.recordedBy()).param("id", itemId).update();
    }

    /** The items still to be held when the plan ended: marked cancelled and answered, so their clocks can stop. */
    List<Item> cancelOpen(long planId, LocalDate on) {
        List<Item> open = jdbc.sql("SELECT * FROM plan_item WHERE plan_id = :p AND done_on IS NULL AND cancelled_on IS NULL")
                .param("p", planId).query(PlanRepository::item).list();
        jdbc.sql("UPDATE plan_item SET cancelled_on = :on WHERE plan_id = :p AND done_on IS NULL AND cancelled_on IS NULL")
                .param("on", on).param("p", planId).update();
        return open;
    }

    List<Item> itemsOf(long planId) {
        return jdbc.sql("SELECT * FROM plan_item WHERE plan_id = :p ORDER BY kind, number").param("p", planId)
                .query(PlanRepository::item).list();
    }

    private static Plan plan(ResultSet rs, int row) throws SQLException {
        return new Plan(rs.getLong("id"), PlanKind.valueOf(rs.getString("kind")), rs.getLong("case_id"), rs.getLong("child_id"),
                rs.getString("source"), rs.getObject("started_on", LocalDate.class), rs.getString("category"),
                (Integer) rs.getObject("plan_number", Integer.class), rs.getInt("previous_plans_elsewhere"),
                rs.getString("process_instance_id"), rs.getObject("agreed_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class), rs.getString("ending"), rs.getString("closure_reason"));
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        return new Item(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("case_id"), ItemKind.valueOf(rs.getString("kind")),
                rs.getInt("number"), rs.getString("rule"), rs.getString("occurrence"), rs.getObject("counted_from", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), rs.getObject("done_on", LocalDate.class), rs.getBoolean("late"),
                rs.getString("decision"), rs.getString("new_category"), rs.getString("ending"), rs.getString("closure_reason"),
                rs.getString("recorded_by"), rs.getObject("cancelled_on", LocalDate.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
