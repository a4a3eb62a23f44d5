package uk.csc.workflow.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.clocks.StatutoryClockStarted;
import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.codes.Ssda903.Participation;
import uk.csc.workflow.platform.forms.DateBound;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.review.ReviewRepository.Review;

/**
 * The regulation 33 review cycle: the first review within 20 working days of becoming looked
 * after, the second within 3 months of the first, then every 6 months, each counted from the date
 * the previous review was actually held. Each method validates, records, and changes nothing on failure.
 */
@Service
@Transactional
public class ReviewService {

    static final String FIRST = StatutoryRuleIds.LAC_REVIEW_FIRST;
    static final String SECOND = StatutoryRuleIds.LAC_REVIEW_SECOND;
    static final String NEXT = StatutoryRuleIds.LAC_REVIEW_NEXT;
    static final String SIGN_OFF = StatutoryRuleIds.LAC_REVIEW_SIGN_OFF;

    private final ReviewRepository reviews;
    private final EpisodeRepository episodes;
    private final CareClocks clocks;
    private final CareAudit audit;
    private final TimeSource time;

    ReviewService(ReviewRepository reviews, EpisodeRepository episodes, CareClocks clocks, CareAudit audit, TimeSource time) {
        this.reviews = reviews;
        this.episodes = episodes;
        this.clocks = clocks;
        this.audit = audit;
        this.time = time;
    }

    /** The period's next review and its clock; the review still to be held if there is one. */
    public CareClock scheduleNext(long periodId) {
        Period period = episodes.period(periodId);
        Review review = reviews.open(periodId).orElseGet(() -> {
            List<Review> held = reviews.held(periodId);
            String rule = held.isEmpty() ? FIRST : held.size() == 1 ? SECOND : NEXT;
            LocalDate from = held.isEmpty() ? period.startedOn() : held.get(held.size() - 1).heldOn();
            int number = reviews.nextSequenceNumber(period.caseId());
            StatutoryClockStarted started = clocks.start(period.caseId(), rule, "review-" + number, from);
            return reviews.get(reviews.insert(periodId, period.caseId(), number, rule, from, started.dueOn()));
        });
        StatutoryClockStarted started = clocks.start(review.caseId(), review.rule(), review.occurrence(), review.countedFrom());
        return clocks.review(review.id(), review.sequenceNumber(), review.occurrence(), started, review.earlyRequestedOn() != null);
    }

    /** The IRO has set the date and sent the invitations. */
    public void arrange(long reviewId, FormValues form, String userId) {
        Review review = reviews.get(reviewId);
        Period period = episodes.period(review.periodId());
        DateBound lookedAfter = new DateBound(period.startedOn(), "the day the child became looked after");
        LocalDate sent = form.pastDate("invitationsSentOn", time.today(), lookedAfter);
        LocalDate plannedFor = form.plannedDate("reviewPlannedFor", time.today(), lookedAfter);
        String invitees = form.text("invitees", 1000);
        String lateReason = form.optionalText("plannedLateReason", 2000);
        if (plannedFor != null && sent != null && plannedFor.isBefore(sent) && !form.hasProblem("reviewPlannedFor")) {
            form.problem("reviewPlannedFor", "cannot be before the invitations were sent (" + sent + ")");
        }
        if (plannedFor != null && plannedFor.isAfter(review.dueOn()) && lateReason == null && !form.hasProblem("plannedLateReason")) {
            form.problem("plannedLateReason", "the review is due by " + review.dueOn() + ": say why it cannot be held by then");
        }
        form.validate();
        reviews.recordArrangements(reviewId, plannedFor, sent, invitees, lateReason, userId);
        audit.record(userId, review.caseId(), "review " + review.sequenceNumber() + " arranged for " + plannedFor);
    }

    /**
     * The review was held. A review held after its due date is recorded as late, with the reason;
     * the next review counts from the date it was actually held.
     */
    public Map<String, Object> hold(long reviewId, FormValues form, String userId) {
        Review review = reviews.get(reviewId);
        Period period = episodes.period(review.periodId());
        LocalDate heldOn = form.date("reviewHeldOn");
        Participation participation = form.code("participation", Participation.class);
        String views = form.text("childsViews", 4000);
        String decisions = form.text("decisions", 4000);
        String lateReason = form.optionalText("lateReason", 2000);
        if (heldOn != null) {
            checkHeldOn(form, review, period, heldOn);
            if (participation == Participation.PN0 && !underFour(period, heldOn)) {
                form.problem("participation", "PN0 is only for a child under 4 on the day of the review; choose PN1 to PN7");
            }
            if (heldOn.isAfter(review.dueOn()) && lateReason == null && !form.hasProblem("lateReason")) {
                form.problem("lateReason", "the review was due by " + review.dueOn() + ": say why it was held late");
            }
        }
        form.validate();
        boolean late = heldOn.isAfter(review.dueOn());
        reviews.recordHeld(reviewId, new ReviewRepository.Held(heldOn, participation, late, late ? lateReason : null, views,
                decisions, userId));
        clocks.complete(review.caseId(), review.rule(), review.occurrence(), heldOn);
        audit.record(userId, review.caseId(), "review " + review.sequenceNumber() + " held on " + heldOn + (late ? " (late)" : ""));
        return Map.of("lastHeldReviewId", reviewId);
    }

    private void checkHeldOn(FormValues form, Review review, Period period, LocalDate heldOn) {
        if (heldOn.isAfter(time.today())) {
            form.problem("reviewHeldOn", "cannot be in the future");
        }
        List<Review> held = reviews.held(review.periodId());
        LocalDate previous = held.isEmpty() ? null : held.get(held.size() - 1).heldOn();
        if (previous != null && !heldOn.isAfter(previous)) {
            form.problem("reviewHeldOn", "must be after the previous review, held on " + previous);
        } else if (heldOn.isBefore(period.startedOn())) {
            form.problem("reviewHeldOn", "cannot be before the child became looked after (" + period.startedOn() + ")");
        }
    }

    private boolean underFour(Period period, LocalDate on) {
        return episodes.dateOfBirth(period.childId()).map(born -> born.plusYears(4).isAfter(on)).orElse(false);
    }

    /** The manager's sign-off clock: 5 working days from the date the review was held. */
    public CareClock startSignOff(long reviewId) {
        Review review = reviews.get(reviewId);
        StatutoryClockStarted started = clocks.start(review.caseId(), SIGN_OFF, review.occurrence(), review.heldOn());
        return clocks.standard(reviewId, review.sequenceNumber(), review.occurrence(), started);
    }

    public void signOff(long reviewId, FormValues form, String userId) {
        Review review = reviews.get(reviewId);
        if (!form.flag("recordAgreed") && !form.hasProblem("recordAgreed")) {
            form.problem("recordAgreed", "tick to confirm you have read the review record and sign it off");
        }
        String comments = form.optionalText("managerComments", 2000);
        form.validate();
        LocalDate today = time.today();
        reviews.recordSignOff(reviewId, userId, today, comments);
        clocks.complete(review.caseId(), SIGN_OFF, review.occurrence(), today);
        audit.record(userId, review.caseId(), "review " + review.sequenceNumber() + " record signed off");
    }

    /**
     * Records a request for an early review (regulation 33(3)) on the review still to be held.
     * The statutory due date stands: an early review can only be earlier.
     */
    public EarlyReview requestEarly(long periodId, String reason, String userId) {
        FormValues form = new FormValues(reason == null ? Map.of() : Map.of("reason", reason));
        String why = form.text("reason", 2000);
        form.validate();
        Review review = reviews.open(periodId)
                .orElseThrow(() -> new BadRequestException("reason", "there is no review to bring forward"));
        reviews.recordEarlyRequest(review.id(), time.today(), why, userId);
        audit.record(userId, review.caseId(), "early review requested (review " + review.sequenceNumber() + ")");
        return new EarlyReview(review.sequenceNumber(), review.dueOn(), false);
    }

    void cancelOpen(long periodId, LocalDate on) {
        reviews.cancelOpen(periodId, on);
    }

    LocalDate lastHeldOn(long periodId) {
        List<Review> held = reviews.held(periodId);
        return held.isEmpty() ? null : held.get(held.size() - 1).heldOn();
    }

    @Transactional(readOnly = true)
    public List<ReviewView> reviewsOf(long caseId) {
        LocalDate today = time.today();
        return reviews.ofCase(caseId).stream()
                .map(r -> new ReviewView(r.sequenceNumber(), r.rule(), r.countedFrom(), r.dueOn(), r.heldOn(), r.participation(),
                        r.late(), r.earlyRequestedOn() != null, r.signedOffOn(), status(r, today)))
                .toList();
    }

    private static String status(Review review, LocalDate today) {
        if (review.heldOn() != null) {
            return review.late() ? "MET_LATE" : "MET";
        }
        if (review.cancelledOn() != null) {
            return "CANCELLED";
        }
        return today.isAfter(review.dueOn()) ? "BREACHED" : "OPEN";
    }
}
