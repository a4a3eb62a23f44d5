package uk.csc.workflow.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import uk.csc.workflow.codes.Ssda903.Participation;

/** Regulation 33 reviews. */
@Repository
class ReviewRepository {

    /** A review row, as the service needs it. */
    record Review(long id, long periodId, long caseId, int sequenceNumber, String rule, LocalDate countedFrom,
                  LocalDate dueOn, LocalDate earlyRequestedOn, LocalDate heldOn, String participation, boolean late,
                  LocalDate signedOffOn, LocalDate cancelledOn) {

        String occurrence() {
            return "review-" + sequenceNumber;
        }
    }

    /** What the IRO recorded at the review. */
    record Held(LocalDate heldOn, Participation participation, boolean late, String lateReason, String childsViews,
                String decisions, String recordedBy) {
    }

    private final JdbcClient jdbc;

    ReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int nextSequenceNumber(long caseId) {
        return jdbc.sql("SELECT COALESCE(MAX(sequence_number), 0) + 1 FROM looked_after_review WHERE case_id = :c")
                .param("c", caseId).query(Integer.class).single();
    }

    long insert(long periodId, long caseId, int sequenceNumber, String rule, LocalDate countedFrom, LocalDate dueOn) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO looked_after_review (period_id, case_id, sequence_number, rule, counted_from, due_on)
                VALUES (:p, :c, :n, :r, :from, :due)""")
                .param("p", periodId).param("c", caseId).param("n", sequenceNumber).param("r", rule)
                .param("from", countedFrom).param("due", dueOn)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Review get(long reviewId) {
        return jdbc.sql("SELECT * FROM looked_after_review WHERE id = :id").param("id", reviewId)
                .query(ReviewRepository::review).single();
    }

    /** The review still to be held in the period, if any. */
    Optional<Review> open(long periodId) {
        return jdbc.sql("""
                SELECT * FROM looked_after_review WHERE period_id = :p AND held_on IS NULL AND cancelled_on IS NULL""")
                .param("p", periodId).query(ReviewRepository::review).optional();
    }

    List<Review> held(long periodId) {
        return jdbc.sql("SELECT * FROM looked_after_review WHERE period_id = :p AND held_on IS NOT NULL ORDER BY sequence_number")
                .param("p", periodId).query(ReviewRepository::review).list();
    }

    void recordArrangements(long reviewId, LocalDate plannedFor, LocalDate invitationsSentOn, String invitees,
                            String plannedLateReason, String userId) {
        jdbc.sql("""
                UPDATE looked_after_review SET planned_for = :planned, invitations_sent_on = :sent, invitees = :invitees,
                       planned_late_reason = :reason, arranged_by = :by WHERE id = :id""")
                .param("planned", plannedFor).param("sent", invitationsSentOn).param("invitees", invitees)
                .param("reason", plannedLateReason).param("by", userId).param("id", reviewId).update();
    }

    void recordHeld(long reviewId, Held held) {
        jdbc.sql("""
                UPDATE looked_after_review SET held_on = :held, participation = :pn, late = :late, late_reason = :reason,
                       childs_views = :views, decisions = :decisions, recorded_by = :by WHERE id = :id""")
                .param("held", held.heldOn()).param("pn", held.participation().name()).param("late", held.late())
                .param("reason", held.lateReason()).param("views", held.childsViews()).param("decisions", held.decisions())
                .param("by", held.recordedBy()).param("id", reviewId).update();
    }

    void recordSignOff(long reviewId, String userId, LocalDate on, String comments) {
        jdbc.sql("UPDATE looked_after_review SET signed_off_by = :by, signed_off_on = :on, manager_comments = :c WHERE id = :id")
                .param("by", userId).param("on", on).param("c", comments).param("id", reviewId).update();
    }

    void recordEarlyRequest(long reviewId, LocalDate on, String reason, String userId) {
        jdbc.sql("""
                UPDATE looked_after_review SET early_requested_on = :on, early_reason = :reason, early_requested_by = :by
                WHERE id = :id""")
                .param("on", on).param("reason", reason).param("by", userId).param("id", reviewId).update();
    }

    void cancelOpen(long periodId, LocalDate on) {
        jdbc.sql("""
                UPDATE looked_after_review SET cancelled_on = :on
                WHERE period_id = :p AND held_on IS NULL AND cancelled_on IS NULL""")
                .param("on", on).param("p", periodId).update();
    }

    List<Review> ofCase(long caseId) {
        return jdbc.sql("SELECT * FROM looked_after_review WHERE case_id = :c ORDER BY sequence_number")
                .param("c", caseId).query(ReviewRepository::review).list();
    }

    private static Review review(ResultSet rs, int row) throws SQLException {
        return new Review(rs.getLong("id"), rs.getLong("period_id"), rs.getLong("case_id"), rs.getInt("sequence_number"),
                rs.getString("rule"), rs.getObject("counted_from", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("early_requested_on", LocalDate.class), rs.getObject("held_on", LocalDate.class),
                rs.getString("participation"), rs.getBoolean("late"), rs.getObject("signed_off_on", LocalDate.class),
                rs.getObject("cancelled_on", LocalDate.class));
    }
}
