package uk.csc.workflow.casefile;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.time.TimeSource;

/**
 * Every read and change of a child's record, with who and when (DOMAIN.md section 8). Written in
 * the caller's transaction, so an audited change and its audit entry stand or fall together.
 */
@Component
public class AuditLog {

    public enum Action { READ, CREATE, UPDATE, DECIDE }

    private final JdbcClient jdbc;
    private final TimeSource time;

    AuditLog(JdbcClient jdbc, TimeSource time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** One entry of the trail as {@code GET /api/audit} shows it. */
    public record Entry(long id, Instant occurredAt, String userId, String action, String subjectType, String subjectRef,
                        String detail) {
    }

    /** A page of the trail, newest first: every entry about {@code subjectRef}, or all entries when it is null. */
    public List<Entry> page(String subjectRef, int page, int size) {
        String where = subjectRef == null ? "" : " WHERE subject_ref = :ref";
        var statement = jdbc.sql("SELECT id, occurred_at, user_id, action, subject_type, subject_ref, detail FROM audit_event"
                + where + " ORDER BY occurred_at DESC, id DESC LIMIT :size OFFSET :offset")
                .param("size", size).param("offset", (long) page * size);
        if (subjectRef != null) {
            statement = statement.param("ref", subjectRef);
        }
        return statement.query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))).list();
    }

    public long count(String subjectRef) {
        return subjectRef == null ? jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()
                : jdbc.sql("SELECT count(*) FROM audit_event WHERE subject_ref = :ref").param("ref", subjectRef)
                        .query(Long.class).single();
    }

    /**
     * One entry per subject, of one event (a search reading each case it found), in one statement:
     * a search that finds fifty namesakes' cases costs one round trip, not fifty.
     */
    public void recordEach(String userId, Action action, String subjectType, List<String> subjectRefs, String detail) {
        Map<String, Object> shared = new HashMap<>(); // the detail may be null
        shared.put("at", OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC));
        shared.put("user", userId);
        shared.put("action", action.name());
        shared.put("type", subjectType);
        shared.put("detail", detail);
        ManyRows.insert(jdbc, "INSERT INTO audit_event (occurred_at, user_id, action, subject_type, subject_ref, detail) VALUES ",
                i -> "(:at, :user, :action, :type, :ref" + i + ", :detail)", shared, "ref", subjectRefs);
    }

    public void record(String userId, Action action, String subjectType, String subjectRef, String detail) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, user_id, action, subject_type, subject_ref, detail)
                VALUES (:at, :user, :action, :type, :ref, :detail)""")
                .param("at", OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC))
                .param("user", userId)
                .param("action", action.name())
                .param("type", subjectType)
                .param("ref", subjectRef)
                .param("detail", detail)
                .update();
    }
}
