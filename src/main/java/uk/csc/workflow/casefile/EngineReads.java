package uk.csc.workflow.casefile;

import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.security.CaseReadLog;

/** A read of a case through the engine's REST API, in the case file's audit trail like a read through {@code /api}. */
@Component
class EngineReads implements CaseReadLog {

    private static final String CASE = "CASE";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    EngineReads(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public void engineRead(String userId, Set<String> caseRefs, String what) {
        List<String> cases = jdbc.sql("SELECT case_ref FROM care_case WHERE case_ref IN (:refs) ORDER BY case_ref")
                .param("refs", List.copyOf(caseRefs)).query(String.class).list();
        cases.forEach(ref -> audit.record(userId, AuditLog.Action.READ, CASE, ref, what));
    }
}
