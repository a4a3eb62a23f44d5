package uk.csc.workflow.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Regulation 28 visits. */
@Repository
class VisitRepository {

    record Visit(long id, long episodeId, long caseId, int sequenceNumber, String rule, LocalDate countedFrom,
                 LocalDate dueOn, LocalDate visitedOn, LocalDate cancelledOn) {

        String occurrence() {
            return "visit-" + sequenceNumber;
        }
    }

    private final JdbcClient jdbc;

    VisitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int nextSequenceNumber(long caseId) {
        return jdbc.sql("SELECT COALESCE(MAX(sequence_number), 0) + 1 FROM looked_after_visit WHERE case_id = :c")
                .param("c", caseId).query(Integer.class).single();
    }

    long insert(long episodeId, long caseId, int sequenceNumber, String rule, LocalDate countedFrom, LocalDate dueOn) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO looked_after_visit (episode_id, case_id, sequence_number, rule, counted_from, due_on)
                VALUES (:e, :c, :n, :r, :from, :due)""")
                .param("e", episodeId).param("c", caseId).param("n", sequenceNumber).param("r", rule)
                .param("from", countedFrom).param("due", dueOn)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Visit get(long visitId) {
        return jdbc.sql("SELECT * FROM looked_after_visit WHERE id = :id").param("id", visitId)
                .query(VisitRepository::visit).single();
    }

    Optional<Visit> open(long episodeId) {
        return jdbc.sql("SELECT * FROM looked_after_visit WHERE episode_id = :e AND visited_on IS NULL AND cancelled_on IS NULL")
                .param("e", episodeId).query(VisitRepository::visit).optional();
    }

    /** The latest visit made in the episode. */
    Optional<Visit> lastMade(long episodeId) {
        return jdbc.sql("""
                SELECT * FROM looked_after_visit WHERE episode_id = :e AND visited_on IS NOT NULL
                ORDER BY visited_on DESC, sequence_number DESC LIMIT 1""")
                .param("e", episodeId).query(VisitRepository::visit).optional();
    }

    /** The latest visit made in any episode of the period. */
    Optional<LocalDate> lastVisitedOn(long periodId) {
        return jdbc.sql("""
                SELECT MAX(v.visited_on) FROM looked_after_visit v JOIN looked_after_episode e ON e.id = v.episode_id
                WHERE e.period_id = :p""")
                .param("p", periodId).query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single();
    }

    void recordVisit(long visitId, LocalDate visitedOn, boolean seenAlone, String notes, String userId) {
        jdbc.sql("UPDATE looked_after_visit SET visited_on = :on, seen_alone = :alone, notes = :notes, visited_by = :by WHERE id = :id")
                .param("on", visitedOn).param("alone", seenAlone).param("notes", notes).param("by", userId)
                .param("id", visitId).update();
    }

    /** Visits still due in the period, which a placement change or the end of care makes moot. */
    List<Visit> openInPeriod(long periodId) {
        return jdbc.sql("""
                SELECT v.* FROM looked_after_visit v JOIN looked_after_episode e ON e.id = v.episode_id
                WHERE e.period_id = :p AND v.visited_on IS NULL AND v.cancelled_on IS NULL""")
                .param("p", periodId).query(VisitRepository::visit).list();
    }

    void cancel(long visitId, LocalDate on) {
        jdbc.sql("UPDATE looked_after_visit SET cancelled_on = :on WHERE id = :id").param("on", on).param("id", visitId).update();
    }

    private static Visit visit(ResultSet rs, int row) throws SQLException {
        return new Visit(rs.getLong("id"), rs.getLong("episode_id"), rs.getLong("case_id"), rs.getInt("sequence_number"),
                rs.getString("rule"), rs.getObject("counted_from", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("visited_on", LocalDate.class), rs.getObject("cancelled_on", LocalDate.class));
    }
}
