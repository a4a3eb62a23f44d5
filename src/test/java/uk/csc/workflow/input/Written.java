package uk.csc.workflow.input;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What is written, read straight from PostgreSQL: every case table's and engine table's row
 * count and newest row version. Equal before and after a request means the request wrote
 * nothing: no row added, changed or removed.
 */
final class Written {

    /** Our tables (Flyway). */
    static final List<String> CASE_TABLES = List.of("child", "care_case", "contact", "screening_contribution", "allocation",
            "assessment", "child_protection_enquiry", "statutory_deadline", "escalation", "panel_sitting", "panel_request",
            "panel_decision", "panel_information", "placement", "legal_step", "care_record", "looked_after_period",
            "looked_after_episode", "looked_after_review", "looked_after_visit", "cp_review", "care_leaver", "school_absence",
            "child_plan", "plan_item", "pre_proceedings", "child_protection_contribution",
            "audit_event");
    /** The engine's tables a request could write to. */
    static final List<String> ENGINE_TABLES = List.of("act_ru_task", "act_ru_execution", "act_ru_variable", "act_ru_job",
            "act_ru_identitylink", "act_hi_procinst", "act_hi_taskinst", "act_hi_varinst", "act_hi_detail", "act_hi_actinst",
            "act_hi_op_log", "act_ge_bytearray");

    /**
     * Per table: the row count and the newest row version (PostgreSQL's xmin, the transaction that
     * wrote the row): an insert, update or delete that was committed changes one or the other;
     * a rolled-back one changes neither.
     */
    private static final String SQL = java.util.stream.Stream.concat(CASE_TABLES.stream(), ENGINE_TABLES.stream())
            .map(t -> "SELECT '" + t + "' AS t, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) AS v FROM " + t)
            .collect(Collectors.joining(" UNION ALL "));

    private final JdbcTemplate jdbc;

    Written(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> now() {
        Map<String, String> state = new TreeMap<>();
        jdbc.query(SQL, rs -> {
            state.put(rs.getString(1), rs.getString(2));
        });
        return state;
    }

    /** The tables that differ, or an empty string. */
    static String changed(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).collect(Collectors.joining(", "));
    }
}
