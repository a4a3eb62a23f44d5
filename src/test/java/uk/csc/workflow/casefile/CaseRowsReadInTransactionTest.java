package uk.csc.workflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * A transaction reads a case once: a second read is the first one's answer, a write through the
 * repository makes the next read fresh, and nothing is kept outside the transaction or across
 * into one started inside it. The row is changed behind the repository's back to tell a kept
 * answer from a fresh one.
 */
@PostgresIntegrationTest
class CaseRowsReadInTransactionTest {

    @Autowired
    CaseRepository cases;
    @Autowired
    ReferralDriver drive;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private ContactRegistered c;

    @BeforeEach
    void aCase() {
        ReferralDriver.at("2026-12-22T10:00");
        c = drive.receive(ReferralDriver.contact("CHILD_IN_NEED", false, false, true, "2026-12-22T09:15:00Z"));
    }

    private void changeTeamBehindTheRepository(String team) {
        jdbc.update("UPDATE care_case SET team = ? WHERE id = ?", team, c.caseId());
    }

    @Test
    void aSecondReadInTheTransactionIsTheFirstOnesAnswerUntilTheRepositoryWrites() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(cases.findByRef(c.caseRef()).orElseThrow().team()).isEqualTo("team-north");
            changeTeamBehindTheRepository("team-south");

            assertThat(cases.findById(c.caseId()).orElseThrow().team()).as("kept, by id too").isEqualTo("team-north");
            assertThat(cases.findByRef(c.caseRef()).orElseThrow().team()).as("kept").isEqualTo("team-north");

            cases.updateStage(c.caseId(), CaseStage.ALLOCATION);
            CaseRecord fresh = cases.findById(c.caseId()).orElseThrow();
            assertThat(fresh.stage()).isEqualTo(CaseStage.ALLOCATION);
            assertThat(fresh.team()).as("read again after the write").isEqualTo("team-south");
            status.setRollbackOnly();
        });
    }

    @Test
    void outsideATransactionEveryReadAsksTheDatabase() {
        assertThat(cases.findById(c.caseId()).orElseThrow().team()).isEqualTo("team-north");
        changeTeamBehindTheRepository("team-south");
        assertThat(cases.findById(c.caseId()).orElseThrow().team()).isEqualTo("team-south");
        changeTeamBehindTheRepository("team-north");
    }

    @Test
    void theNextTransactionAndOneStartedInsideReadForThemselves() {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outer.executeWithoutResult(status -> {
            assertThat(cases.findById(c.caseId()).orElseThrow().team()).isEqualTo("team-north");
            inner.executeWithoutResult(s -> changeTeamBehindTheRepository("team-south"));
            String seenInside = inner.execute(s -> cases.findById(c.caseId()).orElseThrow().team());
            assertThat(seenInside).isEqualTo("team-south");
            assertThat(cases.findById(c.caseId()).orElseThrow().team()).as("the outer one's own read").isEqualTo("team-north");
        });
        String seenNext = outer.execute(s -> cases.findById(c.caseId()).orElseThrow().team());
        assertThat(seenNext).isEqualTo("team-south");
        changeTeamBehindTheRepository("team-north");
    }
}
