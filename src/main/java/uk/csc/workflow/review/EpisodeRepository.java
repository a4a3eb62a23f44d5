package uk.csc.workflow.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Periods of care and their episodes. */
@Repository
class EpisodeRepository {

    private final JdbcClient jdbc;

    EpisodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertPeriod(long caseId, long childId, LocalDate startedOn, String userId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO looked_after_period (case_id, child_id, started_on, started_by)
                VALUES (:c, :child, :start, :by)""")
                .param("c", caseId).param("child", childId).param("start", startedOn).param("by", userId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    long insertEpisode(long periodId, long caseId, LocalDate startedOn, String rne, String legalStatus, String placementType,
                       String provider, boolean intendedUntil18, String userId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO looked_after_episode (period_id, case_id, started_on, reason_new_episode, legal_status,
                       placement_type, placement_provider, intended_until_18, recorded_by, recorded_at)
                VALUES (:p, :c, :start, :rne, :ls, :place, :provider, :long, :by, :at)""")
                .param("p", periodId).param("c", caseId).param("start", startedOn).param("rne", rne)
                .param("ls", legalStatus).param("place", placementType).param("provider", provider)
                .param("long", intendedUntil18).param("by", userId).param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void attachProcess(long periodId, String processInstanceId) {
        jdbc.sql("UPDATE looked_after_period SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", periodId).update();
    }

    Period period(long periodId) {
        return jdbc.sql("SELECT * FROM looked_after_period WHERE id = :id").param("id", periodId)
                .query(EpisodeRepository::period).single();
    }

    Optional<Period> openPeriodOfCase(long caseId) {
        return jdbc.sql("SELECT * FROM looked_after_period WHERE case_id = :c AND ended_on IS NULL")
                .param("c", caseId).query(EpisodeRepository::period).optional();
    }

    /** The child's latest period of care on any case: periods may not overlap. */
    Optional<Period> latestPeriodOfChild(long childId) {
        return jdbc.sql("SELECT * FROM looked_after_period WHERE child_id = :child ORDER BY started_on DESC, id DESC LIMIT 1")
                .param("child", childId).query(EpisodeRepository::period).optional();
    }

    boolean anyPeriod() {
        return jdbc.sql("SELECT count(*) FROM looked_after_period").query(Long.class).single() > 0;
    }

    Episode currentEpisode(long periodId) {
        return jdbc.sql("SELECT * FROM looked_after_episode WHERE period_id = :p ORDER BY started_on DESC, id DESC LIMIT 1")
                .param("p", periodId).query(EpisodeRepository::episode).single();
    }

    void endEpisode(long episodeId, LocalDate endedOn, String reasonCeased) {
        jdbc.sql("UPDATE looked_after_episode SET ended_on = :d, reason_ceased = :rec WHERE id = :id")
                .param("d", endedOn).param("rec", reasonCeased).param("id", episodeId).update();
    }

    void endPeriod(long periodId, LocalDate endedOn, String reasonCeased, String userId) {
        jdbc.sql("UPDATE looked_after_period SET ended_on = :d, reason_ceased = :rec, ended_by = :by WHERE id = :id")
                .param("d", endedOn).param("rec", reasonCeased).param("by", userId).param("id", periodId).update();
    }

    /** The child's date of birth (casefile's child table): null for an unborn child. */
    Optional<LocalDate> dateOfBirth(long childId) {
        return jdbc.sql("SELECT date_of_birth FROM child WHERE id = :id").param("id", childId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single();
    }

    private static Period period(ResultSet rs, int row) throws SQLException {
        return new Period(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("child_id"),
                rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                rs.getString("process_instance_id"));
    }

    private static Episode episode(ResultSet rs, int row) throws SQLException {
        return new Episode(rs.getLong("id"), rs.getLong("period_id"), rs.getObject("started_on", LocalDate.class),
                rs.getString("reason_new_episode"), rs.getString("legal_status"), rs.getString("placement_type"),
                rs.getString("placement_provider"), rs.getBoolean("intended_until_18"),
                rs.getObject("ended_on", LocalDate.class));
    }
}
