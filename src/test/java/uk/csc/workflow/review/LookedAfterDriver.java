package uk.csc.workflow.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.time.EngineClock;
import uk.csc.workflow.referral.ContactRegistered;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.ReferralDriver;
import uk.csc.workflow.review.process.LookedAfterCare;

/** Drives a period of care as the IRO, the team manager and the social worker would. */
@Component
public class LookedAfterDriver {

    static final List<String> IRO = List.of("iro");
    static final List<String> MANAGER = List.of("team-manager", "team-north");
    static final List<String> WORKER = List.of("practitioner", "team-north");

    final ReferralDriver drive;
    final LookedAfterCare care;
    final JdbcTemplate jdbc;

    LookedAfterDriver(ReferralDriver drive, LookedAfterCare care, JdbcTemplate jdbc) {
        this.drive = drive;
        this.care = care;
        this.jdbc = jdbc;
    }

    /** A case for a new child in Team North, born on {@code dateOfBirth}, its contact received now. */
    public ContactRegistered childBorn(String dateOfBirth) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        var child = new ContactRequest.Child("Care" + unique, "Child", LocalDate.parse(dateOfBirth), null, "M", "WBRI",
                "B23 6AB", uk.csc.workflow.support.NhsNumbers.next(), null);
        OffsetDateTime now = OffsetDateTime.ofInstant(EngineClock.now(), java.time.ZoneOffset.UTC);
        return drive.receive(new ContactRequest(child, "6", now, "Police protection", "SIGNIFICANT_HARM", true, false,
                true, null));
    }

    /** Section 20, foster care with another carer (own authority): the usual start. */
    public String startCare(ContactRegistered c, String startDate) {
        return care.startCare(c.caseId(), new LookedAfterStart(LocalDate.parse(startDate), "V2", "U4", "PR1", "S"), "worker.north");
    }

    public void asIro(String pi, String taskKey, Map<String, Object> values) {
        drive.complete(pi, taskKey, "iro", IRO, values);
    }

    public void asManager(String pi, String taskKey, Map<String, Object> values) {
        drive.complete(pi, taskKey, "manager.north", MANAGER, values);
    }

    public void asWorker(String pi, String taskKey, Map<String, Object> values) {
        drive.complete(pi, taskKey, "worker.north", WORKER, values);
    }

    public static Map<String, Object> arrangement(String plannedFor, String sentOn) {
        return new HashMap<>(Map.of("reviewPlannedFor", plannedFor, "invitationsSentOn", sentOn,
                "invitees", "The child, mother, foster carer, social worker, school"));
    }

    public static Map<String, Object> review(String heldOn, String participation) {
        return new HashMap<>(Map.of("reviewHeldOn", heldOn, "participation", participation,
                "childsViews", "Wants to stay with the foster carer and see his sister more often",
                "decisions", "Care plan endorsed; sibling contact to be increased to fortnightly"));
    }

    public static Map<String, Object> visit(String visitedOn, boolean seenAlone) {
        return new HashMap<>(Map.of("visitedOn", visitedOn, "seenAlone", seenAlone ? "YES" : "NO",
                "visitNotes", "Settled; bedroom seen; spoke about school"));
    }

    public void signOff(String pi) {
        asManager(pi, LookedAfterReviewsModel.Tasks.SIGN_OFF_REVIEW, Map.of("recordAgreed", true));
    }

    public Instant timerDue(String pi, String activityId) {
        return drive.timerDue(pi, activityId);
    }

    public void fire(String pi, String activityId) {
        drive.fire(pi, activityId);
    }

    public Instant taskDue(String pi, String taskKey) {
        return drive.task(pi, taskKey).getDueDate().toInstant();
    }

    public long periodId(ContactRegistered c) {
        return jdbc.queryForObject("SELECT max(id) FROM looked_after_period WHERE case_id = ?", Long.class, c.caseId());
    }
}
