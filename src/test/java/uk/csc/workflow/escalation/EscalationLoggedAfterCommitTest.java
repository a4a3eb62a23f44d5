package uk.csc.workflow.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.csc.workflow.referral.ReferralDriver.at;
import static uk.csc.workflow.referral.ReferralDriver.contact;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.support.PostgresIntegrationTest;

/** "Escalation N raised" names only escalations that exist: it is logged when the transaction commits, never for one rolled back. */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EscalationLoggedAfterCommitTest {

    @Autowired
    ReferralDriver drive;
    @Autowired
    EscalationService escalations;
    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void december() {
        at("2026-12-22T10:00");
    }

    @Test
    void aRolledBackEscalationIsNeverLoggedAsRaised(CapturedOutput output) {
        ContactRegistered c = drive.receive(contact("CHILD_IN_NEED", false, false, true, "2026-12-22T09:15:00Z"));
        int mark = output.getOut().length();

        Long rolledBack = transactions.execute(status -> {
            Long id = escalations.raise(c.caseId(), "REFERRAL_DECISION", EscalationLevel.TEAM_MANAGER).orElseThrow();
            status.setRollbackOnly();
            return id;
        });
        assertThat(output.getOut().substring(mark)).doesNotContain("Escalation " + rolledBack + " raised");

        Long committed = transactions.execute(status ->
                escalations.raise(c.caseId(), "REFERRAL_DECISION", EscalationLevel.TEAM_MANAGER).orElseThrow());
        assertThat(output.getOut().substring(mark)).containsOnlyOnce("Escalation " + committed + " raised: REFERRAL_DECISION TEAM_MANAGER");
    }
}
