package uk.csc.workflow.casefile;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
