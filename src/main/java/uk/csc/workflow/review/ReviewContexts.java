package uk.csc.workflow.review;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeLabels.Coded;
import uk.csc.workflow.platform.web.NotFoundException;

/** What the team manager signs off: the independent reviewing officer's record of a review. */
@Component
@Transactional(readOnly = true)
public class ReviewContexts {

    public record ReviewRecord(int reviewNumber, Coded rule, LocalDate countedFrom, LocalDate dueOn, LocalDate heldOn,
                               boolean late, String lateReason, Coded participation, String childsViews, String decisions,
                               String recordedBy, String invitees) {
    }

    private final JdbcClient jdbc;

    ReviewContexts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ReviewRecord review(long reviewId) {
        return jdbc.sql("SELECT * FROM looked_after_review WHERE id = :id").param("id", reviewId)
                .query((rs, n) -> new ReviewRecord(rs.getInt("sequence_number"), CodeLabels.coded(CodeLabels.RULE, rs.getString("rule")),
                        rs.getObject("counted_from", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                        rs.getObject("held_on", LocalDate.class), rs.getBoolean("late"), rs.getString("late_reason"),
                        CodeLabels.coded(CodeLabels.PARTICIPATION, rs.getString("participation")), rs.getString("childs_views"),
                        rs.getString("decisions"), rs.getString("recorded_by"), rs.getString("invitees")))
                .optional().orElseThrow(() -> new NotFoundException("No review " + reviewId));
    }
}
