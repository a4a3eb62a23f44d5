package uk.csc.workflow.panel;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.NotFoundException;

/** What every panel record shares: the audit entry on the case, and the time it was made. */
@Component
class PanelRecords {

    static final String CASE = "CASE";

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final AuditLog audit;
    private final TimeSource time;

    PanelRecords(JdbcClient jdbc, CaseFileService cases, AuditLog audit, TimeSource time) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.time = time;
    }

    /** The case a panel request is about. */
    long caseOf(long requestId) {
        return jdbc.sql("SELECT case_id FROM panel_request WHERE id = :id").param("id", requestId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("requestId", "No panel request " + requestId));
    }

    void audit(String userId, AuditLog.Action action, long caseId, String detail) {
        audit.record(userId, action, CASE, cases.get(caseId).caseRef(), detail);
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC);
    }
}
