package uk.csc.workflow.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * The returns read the children of their period, each with the whole of their history, and not the
 * closed past of the rest of the city (bench/P3.md: ten years of history cost what one does).
 */
@PostgresIntegrationTest
class ReturnFactsPeriodTest {

    static final LocalDate FROM = LocalDate.of(2030, 4, 1);
    static final LocalDate TO = LocalDate.of(2031, 3, 31);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReturnFactsRepository repository;

    @Test
    void aPeriodReadsItsChildrenWithTheirWholeHistoryAndNotTheClosedPast() {
        ReturnsCohort c = new ReturnsCohort(jdbc);
        LocalDate longAgo = LocalDate.of(2020, 1, 2);
        // Known years ago only: a case closed before the period began.
        long past = c.child(LocalDate.of(2012, 3, 1), "F", "WBRI", null);
        c.close(c.caseOf(past, "team-north", "worker.north", longAgo, longAgo, "2A"), LocalDate.of(2020, 3, 1), "CLOSED_NO_FURTHER_ACTION");
        // Back in the period: both cases come, the earlier one too (a repeat referral looks back at it).
        long back = c.child(LocalDate.of(2013, 5, 1), "M", "WBRI", null);
        long earlier = c.caseOf(back, "team-north", "worker.north", longAgo, longAgo, "2A");
        c.close(earlier, LocalDate.of(2020, 3, 1), "CLOSED_NO_FURTHER_ACTION");
        long now = c.caseOf(back, "team-north", "worker.north", FROM.plusMonths(1), FROM.plusMonths(1), "3A");
        // Closed on the period's first day.
        long lastDay = c.child(LocalDate.of(2014, 5, 1), "M", "WBRI", null);
        c.close(c.caseOf(lastDay, "team-south", "worker.south", longAgo, longAgo, "2A"), FROM, "CLOSED_NO_FURTHER_ACTION");
        // Still in care from a case long closed; a care leaver (OC3 looks back by age); an adoption.
        long inCare = c.child(LocalDate.of(2015, 5, 1), "F", "WBRI", null);
        long careCase = c.caseOf(inCare, "team-north", "worker.north", longAgo, longAgo, "2A");
        c.close(careCase, LocalDate.of(2020, 2, 1), "REFERRED_TO_PANEL");
        c.period(careCase, LocalDate.of(2020, 2, 1), null, null);
        long leaver = c.child(LocalDate.of(2011, 5, 1), "M", "WBRI", null);
        long leaverCase = c.caseOf(leaver, "team-north", "worker.north", longAgo, longAgo, "2A");
        c.close(leaverCase, LocalDate.of(2020, 3, 1), "CLOSED_NO_FURTHER_ACTION");
        jdbc.update("INSERT INTO care_leaver (case_id, nineteenth_birthday, accommodation, recorded_by, recorded_at) "
                + "VALUES (?, ?, 'U1', 'test', CURRENT_TIMESTAMP)", leaverCase, java.sql.Date.valueOf(LocalDate.of(2030, 5, 1)));
        long adopted = c.child(LocalDate.of(2016, 5, 1), "F", "WBRI", null);
        long adoptedCase = c.caseOf(adopted, "team-north", "worker.north", longAgo, longAgo, "2A");
        c.close(adoptedCase, LocalDate.of(2020, 3, 1), "CLOSED_NO_FURTHER_ACTION");
        jdbc.update("INSERT INTO adoption_milestone (case_id, decided_on, recorded_by, recorded_at) VALUES (?, ?, 'test', CURRENT_TIMESTAMP)",
                adoptedCase, java.sql.Date.valueOf(LocalDate.of(2020, 2, 1)));

        ReturnFacts facts = repository.load(FROM, TO);

        assertThat(facts.children()).doesNotContainKey(past).containsKeys(back, lastDay, inCare, leaver, adopted);
        assertThat(facts.children().get(back).cases).extracting(ReturnFacts.Case::id).containsExactly(earlier, now);
        assertThat(facts.children().get(inCare).episodes).isEmpty();
        assertThat(facts.children().get(leaver).careLeavers).singleElement()
                .satisfies(l -> assertThat(l.accommodation()).isEqualTo("U1"));
        assertThat(facts.children().get(adopted).adoptions).hasSize(1);
        // The same child years back is in a period of its own.
        assertThat(repository.load(LocalDate.of(2019, 4, 1), LocalDate.of(2020, 3, 31)).children()).containsKey(past);
    }
}
