package uk.csc.workflow.referral;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseRemit;
import uk.csc.workflow.identity.Groups;

/** The multi-agency screening team works on the cases of police domestic abuse notifications. */
@Component
class MashRemit implements CaseRemit {

    private final JdbcClient jdbc;

    MashRemit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String role() {
        return Groups.MASH;
    }

    @Override
    public boolean covers(long caseId) {
        return jdbc.sql("SELECT count(*) FROM contact WHERE case_id = :c AND dv_notification = TRUE").param("c", caseId)
                .query(Long.class).single() > 0;
    }
}
