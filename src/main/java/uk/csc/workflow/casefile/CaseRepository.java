package uk.csc.workflow.casefile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    long insertChild(NewChild child, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO child (first_name, last_name, date_of_birth, expected_birth, sex, ethnicity, postcode,
                                   nhs_number, upn, address, first_language, created_at)
                VALUES (:first, :last, :dob, :expected, :sex, :ethnicity, :postcode, :nhs, :upn, :address, :language, :now)""")
                .param("first", child.firstName()).param("last", child.lastName())
                .param("dob", child.dateOfBirth()).param("expected", child.expectedBirth())
                .param("sex", child.sex()).param("ethnicity", child.ethnicity()).param("postcode", child.postcode())
                .param("nhs", child.nhsNumber()).param("upn", child.upn()).param("address", child.address())
                .param("language", child.firstLanguage()).param("now", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The most recent case of the child opened on or after {@code since}. */
    Optional<Long> findRecentCase(long childId, Instant since) {
        return jdbc.sql("SELECT id FROM care_case WHERE child_id = :child AND opened_at >= :since ORDER BY opened_at DESC LIMIT 1")
                .param("child", childId).param("since", utc(since))
                .query(Long.class).optional();
    }

    long nextReferenceNumber() {
        return jdbc.sql("SELECT nextval('case_reference_seq')").query(Long.class).single();
    }

    long insertCase(String caseRef, long childId, String team, String profile, boolean reReferral,
                    Long previousCaseId, LocalDate receivedOn, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO care_case (case_ref, child_id, team, profile, stage, re_referral, previous_case_id, received_on,
                                       opened_at)
                VALUES (:ref, :child, :team, :profile, :stage, :rereferral, :previous, :received, :now)""")
                .param("ref", caseRef).param("child", childId).param("team", team).param("profile", profile)
                .param("stage", CaseStage.CONTACT.name()).param("rereferral", reReferral)
                .param("previous", previousCaseId).param("received", receivedOn).param("now", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<CaseRecord> findByRef(String caseRef) {
        Optional<CaseRecord> found = CaseRowsReadInTransaction.read("ref:" + caseRef, CaseRecord.class,
                () -> jdbc.sql("SELECT * FROM care_case WHERE case_ref = :ref").param("ref", caseRef)
                        .query(CaseRepository::caseRecord).optional());
        found.ifPresent(record -> CaseRowsReadInTransaction.alsoAs("id:" + record.id(), record));
        return found;
    }

    Optional<CaseRecord> findById(long caseId) {
        return CaseRowsReadInTransaction.read("id:" + caseId, CaseRecord.class,
                () -> jdbc.sql("SELECT * FROM care_case WHERE id = :id").param("id", caseId)
                        .query(CaseRepository::caseRecord).optional());
    }

    Optional<CaseSummary> summary(String caseRef) {
        return jdbc.sql("""
                SELECT c.*, ch.first_name, ch.last_name, ch.date_of_birth FROM care_case c
                JOIN child ch ON ch.id = c.child_id WHERE c.case_ref = :ref""")
                .param("ref", caseRef)
                .query((rs, n) -> new CaseSummary(rs.getString("case_ref"),
                        rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getObject("date_of_birth", LocalDate.class), rs.getString("team"), rs.getString("worker"),
                        rs.getString("profile"), CaseStage.valueOf(rs.getString("stage")),
                        rs.getString("outcome") == null ? null : CaseOutcome.valueOf(rs.getString("outcome")),
                        rs.getBoolean("re_referral"), rs.getObject("referral_date", LocalDate.class),
                        instant(rs, "opened_at"), instant(rs, "closed_at"), java.util.Map.of()))
                .optional();
    }

    void updateStage(long caseId, CaseStage stage) {
        CaseRowsReadInTransaction.forget();
        jdbc.sql("UPDATE care_case SET stage = :stage WHERE id = :id").param("stage", stage.name()).param("id", caseId).update();
    }

    void setProcessInstance(long caseId, String processInstanceId) {
        CaseRowsReadInTransaction.forget();
        jdbc.sql("UPDATE care_case SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", caseId).update();
    }

    void setReferralDate(long caseId, LocalDate referralDate) {
        CaseRowsReadInTransaction.forget();
        jdbc.sql("UPDATE care_case SET referral_date = :d WHERE id = :id").param("d", referralDate).param("id", caseId).update();
    }

    void allocate(long caseId, String team, String worker, String allocatedBy, Instant now) {
        CaseRowsReadInTransaction.forget();
        jdbc.sql("UPDATE care_case SET worker = :worker, team = :team WHERE id = :id")
                .param("worker", worker).param("team", team).param("id", caseId).update();
        jdbc.sql("""
                INSERT INTO allocation (case_id, team, worker, allocated_by, allocated_at)
                VALUES (:id, :team, :worker, :by, :now)""")
                .param("id", caseId).param("team", team).param("worker", worker).param("by", allocatedBy)
                .param("now", utc(now)).update();
    }

    /** Another team takes the case; its worker was the old team's. */
    void reassign(long caseId, String team) {
        CaseRowsReadInTransaction.forget();
        jdbc.sql("UPDATE care_case SET team = :team, worker = NULL WHERE id = :id").param("team", team).param("id", caseId).update();
    }

    void endRoute(long caseId, CaseOutcome outcome, Instant now) {
        CaseRowsReadInTransaction.forget();
        jdbc.sql("UPDATE care_case SET stage = :stage, outcome = :outcome, closed_at = :closed WHERE id = :id")
                .param("stage", outcome.nextStage().name()).param("outcome", outcome.name())
                .param("closed", outcome.closesCase() ? utc(now) : null).param("id", caseId).update();
    }

    /** The child's date of birth (null if unborn), the day the case was opened and its first contact's received day. */
    Optional<Object[]> startOf(long caseId) {
        return jdbc.sql("""
                SELECT ch.date_of_birth, c.opened_at, (SELECT MIN(received_on) FROM contact WHERE case_id = c.id)
                FROM care_case c JOIN child ch ON ch.id = c.child_id WHERE c.id = :id""")
                .param("id", caseId)
                .query((rs, n) -> new Object[] {rs.getObject(1, LocalDate.class), instant(rs, "opened_at"), rs.getObject(3, LocalDate.class)})
                .optional();
    }

    boolean isOpen(long caseId) {
        return jdbc.sql("SELECT closed_at IS NULL FROM care_case WHERE id = :id").param("id", caseId).query(Boolean.class).single();
    }

    /** The day the case began: its contact's day, or the day it was opened. */
    LocalDate startedOn(long caseId) {
        return jdbc.sql("SELECT received_on, opened_at FROM care_case WHERE id = :id").param("id", caseId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class) != null ? rs.getObject(1, LocalDate.class)
                        : instant(rs, "opened_at").atZone(uk.csc.workflow.timescales.StatutoryTimescales.STATUTORY_ZONE).toLocalDate())
                .single();
    }

    long countCases() {
        return jdbc.sql("SELECT count(*) FROM care_case").query(Long.class).single();
    }

    private static CaseRecord caseRecord(ResultSet rs, int row) throws SQLException {
        return new CaseRecord(rs.getLong("id"), rs.getString("case_ref"), rs.getLong("child_id"), rs.getString("team"),
                rs.getString("worker"), rs.getString("profile"), CaseStage.valueOf(rs.getString("stage")),
                rs.getObject("referral_date", LocalDate.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
