package uk.csc.workflow.casefile;

import static uk.csc.workflow.casefile.CaseRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The child's details beyond the contact, the people and professionals around them, alerts, notes and events. */
@Repository
class CaseFileRepository {

    /** A child row as the case file reads it. */
    record ChildRow(long id, String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedBirth, String sex,
                    String ethnicity, String postcode, String nhsNumber, String upn, String address, String firstLanguage) {
    }

    record PersonRow(long id, String name, String relationship, boolean parentalResponsibility, boolean livesWithChild,
                     LocalDate dateOfBirth, String phone, String address, String addedBy, Instant addedAt) {
    }

    record ProfessionalRow(long id, String role, String name, String organisation, String phone, String email,
                           String addedBy, Instant addedAt) {
    }

    record AlertRow(long id, String kind, String text, String raisedBy, Instant raisedAt) {
    }

    record NoteRow(long id, long caseId, String type, LocalDate occurredOn, String text, Long corrects, Long correctedBy,
                   String writtenBy, Instant writtenAt) {
    }

    record EventRow(long id, long caseId, LocalDate occurredOn, String kind, String summary, String recordedBy,
                    Instant recordedAt) {
    }

    private final JdbcClient jdbc;

    CaseFileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the child --------------------------------------------------------------------------

    Optional<ChildRow> child(long childId) {
        return jdbc.sql("SELECT * FROM child WHERE id = :id").param("id", childId).query(CaseFileRepository::childRow).optional();
    }

    List<ChildRow> children(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM child WHERE id IN (:ids)").param("ids", ids).query(CaseFileRepository::childRow).list();
    }

    List<String> disabilities(long childId) {
        return jdbc.sql("SELECT code FROM child_disability WHERE child_id = :c ORDER BY code").param("c", childId)
                .query(String.class).list();
    }

    void updateDetails(long childId, String address, String firstLanguage, Set<String> disabilities) {
        jdbc.sql("UPDATE child SET address = :address, first_language = :language WHERE id = :id")
                .param("address", address).param("language", firstLanguage).param("id", childId).update();
        jdbc.sql("DELETE FROM child_disability WHERE child_id = :c").param("c", childId).update();
        for (String code : disabilities) {
            jdbc.sql("INSERT INTO child_disability (child_id, code) VALUES (:c, :code)").param("c", childId).param("code", code).update();
        }
    }

    /** Fills identifiers the record lacks (a confirmed match brought them); never overwrites one. */
    void fillIdentifiers(long childId, String nhsNumber, String upn) {
        jdbc.sql("""
                UPDATE child SET nhs_number = COALESCE(nhs_number, :nhs), upn = COALESCE(upn, :upn) WHERE id = :id""")
                .param("nhs", nhsNumber).param("upn", upn).param("id", childId).update();
    }

    /** One statement for all of a child's keys: with the pair keys a child has a dozen or more. */
    void replaceNameKeys(long childId, Set<String> keys) {
        jdbc.sql("DELETE FROM child_name_key WHERE child_id = :c").param("c", childId).update();
        ManyRows.insert(jdbc, "INSERT INTO child_name_key (child_id, name_key) VALUES ", i -> "(:c, :k" + i + ")", Map.of("c", childId),
                "k", List.copyOf(keys));
    }

    // ---- finding a child --------------------------------------------------------------------

    Optional<Long> childWithNhsNumber(String nhsNumber) {
        return jdbc.sql("SELECT id FROM child WHERE nhs_number = :nhs ORDER BY id LIMIT 1").param("nhs", nhsNumber)
                .query(Long.class).optional();
    }

    /** Children born on the day (the candidates for a likely match). */
    List<ChildRow> bornOn(LocalDate dateOfBirth) {
        return jdbc.sql("SELECT * FROM child WHERE date_of_birth = :dob ORDER BY id").param("dob", dateOfBirth)
                .query(CaseFileRepository::childRow).list();
    }

    /**
     * The search's narrowing in SQL; the name is scored in Java. {@code termKeys} holds one set of
     * keys per condition on the name ({@link ChildNames#searchConditions}): a child has a key of every
     * set (as the score needs every term to match a name), so a common first name does not crowd out
     * the child sought. At most {@code limit} rows, the newest first.
     */
    List<ChildRow> search(List<Set<String>> termKeys, LocalDate dateOfBirth, String nhsNumber, String upn, String compactPostcode,
                          String district, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM child ch WHERE 1 = 1");
        for (int i = 0; i < termKeys.size(); i++) {
            sql.append(" AND ch.id IN (SELECT k.child_id FROM child_name_key k WHERE k.name_key IN (:keys").append(i).append("))");
        }
        if (dateOfBirth != null) {
            sql.append(" AND ch.date_of_birth = :dob");
        }
        if (nhsNumber != null) {
            sql.append(" AND ch.nhs_number = :nhs");
        }
        if (upn != null) {
            sql.append(" AND ch.upn = :upn");
        }
        if (compactPostcode != null) {
            sql.append(" AND REPLACE(ch.postcode, ' ', '') = :postcode");
        }
        if (district != null) {
            sql.append(" AND REPLACE(ch.postcode, ' ', '') LIKE :district");
        }
        sql.append(" ORDER BY ch.id DESC LIMIT ").append(limit);
        var statement = jdbc.sql(sql.toString());
        for (int i = 0; i < termKeys.size(); i++) {
            statement = statement.param("keys" + i, termKeys.get(i));
        }
        if (dateOfBirth != null) {
            statement = statement.param("dob", dateOfBirth);
        }
        if (nhsNumber != null) {
            statement = statement.param("nhs", nhsNumber);
        }
        if (upn != null) {
            statement = statement.param("upn", upn);
        }
        if (compactPostcode != null) {
            statement = statement.param("postcode", compactPostcode);
        }
        if (district != null) {
            statement = statement.param("district", district + "%");
        }
        return statement.query(CaseFileRepository::childRow).list();
    }

    /** Every case of the children, newest first. */
    List<ChildCase> casesOf(Collection<Long> childIds) {
        if (childIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM care_case WHERE child_id IN (:ids) ORDER BY opened_at DESC, id DESC""")
                .param("ids", childIds)
                .query((rs, n) -> new ChildCase(new CaseRecord(rs.getLong("id"), rs.getString("case_ref"), rs.getLong("child_id"),
                        rs.getString("team"), rs.getString("worker"), rs.getString("profile"),
                        CaseStage.valueOf(rs.getString("stage")), rs.getObject("referral_date", LocalDate.class)),
                        rs.getString("outcome") == null ? null : CaseOutcome.valueOf(rs.getString("outcome")),
                        rs.getBoolean("re_referral"), rs.getObject("received_on", LocalDate.class), instant(rs, "opened_at"),
                        instant(rs, "closed_at")))
                .list();
    }

    void recordMatchDecision(long caseId, long childId, String decision, double score, String userId, Instant now) {
        jdbc.sql("""
                INSERT INTO child_match_decision (case_id, child_id, decision, score, decided_by, decided_at)
                VALUES (:c, :child, :d, :score, :by, :at)""")
                .param("c", caseId).param("child", childId).param("d", decision).param("score", (int) Math.round(score * 100))
                .param("by", userId).param("at", utc(now)).update();
    }

    // ---- people, professionals, alerts ----------------------------------------------------------

    long insertPerson(long childId, String name, String relationship, boolean pr, boolean livesWith, LocalDate dob,
                      String phone, String address, String userId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO child_person (child_id, name, relationship, parental_responsibility, lives_with_child,
                                          date_of_birth, phone, address, added_by, added_at)
                VALUES (:c, :name, :rel, :pr, :lives, :dob, :phone, :address, :by, :at)""")
                .param("c", childId).param("name", name).param("rel", relationship).param("pr", pr).param("lives", livesWith)
                .param("dob", dob).param("phone", phone).param("address", address).param("by", userId).param("at", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<PersonRow> people(long childId) {
        return jdbc.sql("SELECT * FROM child_person WHERE child_id = :c ORDER BY id").param("c", childId)
                .query((rs, n) -> new PersonRow(rs.getLong("id"), rs.getString("name"), rs.getString("relationship"),
                        rs.getBoolean("parental_responsibility"), rs.getBoolean("lives_with_child"),
                        rs.getObject("date_of_birth", LocalDate.class), rs.getString("phone"), rs.getString("address"),
                        rs.getString("added_by"), instant(rs, "added_at")))
                .list();
    }

    long insertProfessional(long childId, String role, String name, String organisation, String phone, String email,
                            String userId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO child_professional (child_id, role, name, organisation, phone, email, added_by, added_at)
                VALUES (:c, :role, :name, :org, :phone, :email, :by, :at)""")
                .param("c", childId).param("role", role).param("name", name).param("org", organisation).param("phone", phone)
                .param("email", email).param("by", userId).param("at", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<ProfessionalRow> professionals(long childId) {
        return jdbc.sql("SELECT * FROM child_professional WHERE child_id = :c ORDER BY id").param("c", childId)
                .query((rs, n) -> new ProfessionalRow(rs.getLong("id"), rs.getString("role"), rs.getString("name"),
                        rs.getString("organisation"), rs.getString("phone"), rs.getString("email"), rs.getString("added_by"),
                        instant(rs, "added_at")))
                .list();
    }

    long insertAlert(long childId, String kind, String text, String userId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO child_alert (child_id, kind, alert_text, raised_by, raised_at) VALUES (:c, :kind, :text, :by, :at)""")
                .param("c", childId).param("kind", kind).param("text", text).param("by", userId).param("at", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<AlertRow> alerts(long childId) {
        return jdbc.sql("SELECT * FROM child_alert WHERE child_id = :c ORDER BY raised_at DESC, id DESC").param("c", childId)
                .query((rs, n) -> new AlertRow(rs.getLong("id"), rs.getString("kind"), rs.getString("alert_text"),
                        rs.getString("raised_by"), instant(rs, "raised_at")))
                .list();
    }

    // ---- notes and worker events ----------------------------------------------------------------

    long insertNote(long caseId, String type, LocalDate occurredOn, String text, Long corrects, String userId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO case_note (case_id, note_type, occurred_on, note_text, corrects_id, written_by, written_at)
                VALUES (:c, :type, :on, :text, :corrects, :by, :at)""")
                .param("c", caseId).param("type", type).param("on", occurredOn).param("text", text).param("corrects", corrects)
                .param("by", userId).param("at", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<NoteRow> note(long noteId) {
        return notes("n.id = :id", "id", noteId).stream().findFirst();
    }

    List<NoteRow> notesOf(Collection<Long> caseIds) {
        return caseIds.isEmpty() ? List.of() : notes("n.case_id IN (:ids)", "ids", caseIds);
    }

    private List<NoteRow> notes(String where, String name, Object value) {
        return jdbc.sql("""
                SELECT n.*, c.id AS corrected_by FROM case_note n LEFT JOIN case_note c ON c.corrects_id = n.id""" + " WHERE " + where
                + " ORDER BY n.occurred_on, n.written_at, n.id")
                .param(name, value)
                .query((rs, n) -> new NoteRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("note_type"),
                        rs.getObject("occurred_on", LocalDate.class), rs.getString("note_text"),
                        rs.getObject("corrects_id", Long.class), rs.getObject("corrected_by", Long.class),
                        rs.getString("written_by"), instant(rs, "written_at")))
                .list();
    }

    long insertEvent(long caseId, LocalDate occurredOn, String kind, String summary, String userId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO chronology_event (case_id, occurred_on, kind, summary, recorded_by, recorded_at)
                VALUES (:c, :on, :kind, :summary, :by, :at)""")
                .param("c", caseId).param("on", occurredOn).param("kind", kind).param("summary", summary).param("by", userId)
                .param("at", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<EventRow> eventsOf(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM chronology_event WHERE case_id IN (:ids) ORDER BY occurred_on, id").param("ids", caseIds)
                .query((rs, n) -> new EventRow(rs.getLong("id"), rs.getLong("case_id"), rs.getObject("occurred_on", LocalDate.class),
                        rs.getString("kind"), rs.getString("summary"), rs.getString("recorded_by"), instant(rs, "recorded_at")))
                .list();
    }

    /** The case's own moments: opened, allocated, closed, a confirmed or rejected match. */
    List<CaseMoment> momentsOf(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id AS case_id, CAST('OPENED' AS VARCHAR(20)) AS what, opened_at AS at, CAST(NULL AS VARCHAR(64)) AS who,
                       team AS detail FROM care_case WHERE id IN (:ids)
                UNION ALL
                SELECT id, CAST('CLOSED' AS VARCHAR(20)), closed_at, CAST(NULL AS VARCHAR(64)), outcome FROM care_case
                WHERE id IN (:ids) AND closed_at IS NOT NULL
                UNION ALL
                SELECT case_id, CAST('ALLOCATED' AS VARCHAR(20)), allocated_at, allocated_by, worker FROM allocation WHERE case_id IN (:ids)
                UNION ALL
                SELECT case_id, CAST('MATCH_' || decision AS VARCHAR(20)), decided_at, decided_by, CAST(child_id AS VARCHAR(64))
                FROM child_match_decision WHERE case_id IN (:ids)""")
                .param("ids", caseIds)
                .query((rs, n) -> new CaseMoment(rs.getLong("case_id"), rs.getString("what"), instant(rs, "at"),
                        rs.getString("who"), rs.getString("detail")))
                .list();
    }

    record CaseMoment(long caseId, String what, Instant at, String who, String detail) {
    }

    private static ChildRow childRow(ResultSet rs, int row) throws SQLException {
        return new ChildRow(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getObject("date_of_birth", LocalDate.class), rs.getObject("expected_birth", LocalDate.class),
                rs.getString("sex"), rs.getString("ethnicity"), rs.getString("postcode"), rs.getString("nhs_number"),
                rs.getString("upn"), rs.getString("address"), rs.getString("first_language"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
