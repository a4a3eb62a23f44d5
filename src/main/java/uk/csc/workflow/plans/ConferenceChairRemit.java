package uk.csc.workflow.plans;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseRemit;
import uk.csc.workflow.identity.Groups;

/** The IRO service chairs child protection review conferences: it works on the cases of children on a plan. */
@Component
class ConferenceChairRemit implements CaseRemit {

    private final JdbcClient jdbc;

    ConferenceChairRemit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String role() {
        return Groups.IRO;
    }

    @Override
    public boolean covers(long caseId) {
        return jdbc.sql("SELECT count(*) FROM child_plan WHERE case_id = :c AND kind = 'CP'").param("c", caseId)
                .query(Long.class).single() > 0;
    }
}
