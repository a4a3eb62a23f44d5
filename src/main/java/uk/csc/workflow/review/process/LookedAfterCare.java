package uk.csc.workflow.review.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.identity.StaffDirectory;
import uk.csc.workflow.platform.process.CandidateUsers;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.platform.security.CaseAccess;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.review.Ceasing;
import uk.csc.workflow.review.EarlyReview;
import uk.csc.workflow.review.EarlyReviewRequest;
import uk.csc.workflow.review.EpisodeService;
import uk.csc.workflow.review.LookedAfterReviewsModel;
import uk.csc.workflow.review.LookedAfterStart;
import uk.csc.workflow.review.Period;
import uk.csc.workflow.review.PlacementChange;
import uk.csc.workflow.review.ReviewService;

/**
 * Camunda adapter of a period of care: records what happened and tells the child's
 * lookedAfterReviews process in the same transaction, so the record and the process never
 * disagree. {@link #startCare} is also the entry point of the Reception into Care panel; it may be
 * called from inside another process's delegate.
 */
@Component
public class LookedAfterCare {

    static final String EARLY_REVIEW = LookedAfterReviewsModel.Messages.EARLY_REVIEW_REQUESTED;
    static final String PLACEMENT_CHANGED = LookedAfterReviewsModel.Messages.PLACEMENT_CHANGED;
    static final String CEASED = LookedAfterReviewsModel.Messages.CEASED_LOOKED_AFTER;

    private static final Set<String> SOCIAL_CARE =
            Set.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final Set<String> MAY_ASK_FOR_EARLY_REVIEW =
            Set.of(Groups.IRO, Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);
    /** Besides the case's team, who reads a period of care in the engine. */
    private static final List<String> READERS = List.of(Groups.SERVICE_MANAGER, Groups.IRO);

    private final EpisodeService episodes;
    private final ReviewService reviews;
    private final CaseFileService cases;
    private final StaffDirectory staff;
    private final RuntimeService runtime;
    private final CaseAccess access;

    LookedAfterCare(EpisodeService episodes, ReviewService reviews, CaseFileService cases, StaffDirectory staff,
                    RuntimeService runtime, CaseAccess access) {
        this.access = access;
        this.episodes = episodes;
        this.reviews = reviews;
        this.cases = cases;
        this.staff = staff;
        this.runtime = runtime;
    }

    /**
     * Records the first episode and starts lookedAfterReviews for the case; validates codes
     * (BadRequestException with field problems). Returns the process instance id.
     */
    @Transactional
    public String startCare(long caseId, LookedAfterStart received, String userId) {
        LookedAfterStart start = received.normalised();
        Period period = episodes.startPeriod(caseId, start, userId);
        CaseRecord record = cases.get(caseId);
        var instance = runtime.startProcessInstanceByKey(LookedAfterReviewsModel.PROCESS_ID, record.caseRef(), variables(record, period, start));
        access.open(instance.getId(), record.team(), READERS);
        episodes.attachProcess(period.id(), instance.getId());
        return instance.getId();
    }

    /** {@code POST /api/cases/{ref}/looked-after}: a child who became looked after other than through the panel. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public String startCare(String caseRef, LookedAfterStart start, CurrentUser user) {
        CaseRecord record = permitted(caseRef, user, SOCIAL_CARE);
        return startCare(record.id(), start, user.id());
    }

    /** Ids and the current placement's codes: the child's record stays in the case tables. */
    private Map<String, Object> variables(CaseRecord record, Period period, LookedAfterStart start) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CaseVariables.CASE_ID, record.id());
        variables.put(CaseVariables.CASE_REF, record.caseRef());
        variables.put(LookedAfterReviewsModel.Variables.PERIOD_ID, period.id());
        variables.put(CaseVariables.TEAM, record.team());
        variables.put(CaseVariables.TEAM_MANAGERS, CandidateUsers.of(staff.teamManagers(record.team())));
        variables.put(CaseVariables.WORKER, record.worker());
        variables.put("profile", record.profile());
        variables.put("becameLookedAfterOn", start.startDate().toString());
        variables.put(LookedAfterReviewsModel.Variables.PLACEMENT_STARTED_ON, start.startDate().toString());
        variables.put(LookedAfterReviewsModel.Variables.LEGAL_STATUS, start.legalStatus());
        variables.put(LookedAfterReviewsModel.Variables.PLACEMENT_TYPE, start.placementType());
        variables.put(LookedAfterReviewsModel.Variables.PLACEMENT_PROVIDER, start.placementProvider());
        variables.put(LookedAfterReviewsModel.Variables.REASON_FOR_NEW_EPISODE, start.reasonForNewEpisode());
        variables.put(LookedAfterReviewsModel.Variables.INTENDED_UNTIL18, false);
        variables.put(LookedAfterReviewsModel.Variables.LAST_HELD_REVIEW_ID, null);
        return variables;
    }

    /** Brings the next review forward when it is not yet being arranged; the request is recorded either way. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public EarlyReview requestEarlyReview(String caseRef, EarlyReviewRequest request, CurrentUser user) {
        Period period = openPeriod(permitted(caseRef, user, MAY_ASK_FOR_EARLY_REVIEW));
        EarlyReview review = reviews.requestEarly(period.id(), request.reason(), user.id());
        boolean movedForward = !runtime.createMessageCorrelation(EARLY_REVIEW).processInstanceId(period.processInstanceId())
                .correlateAllWithResult().isEmpty();
        return new EarlyReview(review.reviewNumber(), review.dueOn(), movedForward);
    }

    /** The process records the new episode (its message carries the placement) and restarts the visits. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public void changePlacement(String caseRef, PlacementChange received, CurrentUser user) {
        PlacementChange change = received.normalised();
        Period period = openPeriod(permitted(caseRef, user, SOCIAL_CARE));
        episodes.validatePlacementChange(period.id(), change);
        Map<String, Object> placement = new HashMap<>();
        placement.put(LookedAfterReviewsModel.Variables.PLACEMENT_STARTED_ON, change.startDate().toString());
        placement.put(LookedAfterReviewsModel.Variables.LEGAL_STATUS, change.legalStatus());
        placement.put(LookedAfterReviewsModel.Variables.PLACEMENT_TYPE, change.placementType());
        placement.put(LookedAfterReviewsModel.Variables.PLACEMENT_PROVIDER, change.placementProvider());
        placement.put(LookedAfterReviewsModel.Variables.REASON_FOR_NEW_EPISODE, change.reasonForNewEpisode());
        placement.put(LookedAfterReviewsModel.Variables.INTENDED_UNTIL18, Boolean.TRUE.equals(change.intendedUntil18()));
        placement.put(LookedAfterReviewsModel.Variables.CHANGED_BY, user.id());
        runtime.createMessageCorrelation(PLACEMENT_CHANGED).processInstanceId(period.processInstanceId())
                .setVariables(placement).correlate();
    }

    /** Ends the period: the process closes the episode, stops the clocks and cancels its timers. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public void cease(String caseRef, Ceasing received, CurrentUser user) {
        Ceasing ceasing = received.normalised();
        Period period = openPeriod(permitted(caseRef, user, SOCIAL_CARE));
        episodes.validateCeasing(period.id(), ceasing);
        runtime.createMessageCorrelation(CEASED).processInstanceId(period.processInstanceId())
                .setVariable(LookedAfterReviewsModel.Variables.CEASED_ON, ceasing.ceasedOn().toString())
                .setVariable(LookedAfterReviewsModel.Variables.REASON_CEASED, ceasing.reason())
                .setVariable(LookedAfterReviewsModel.Variables.CEASED_BY, user.id())
                .correlate();
    }

    private CaseRecord permitted(String caseRef, CurrentUser user, Set<String> roles) {
        CaseRecord record = cases.readable(caseRef, user);
        if (roles.stream().noneMatch(user::isIn)) {
            throw new AccessDeniedException("Not allowed to change a looked-after child's record");
        }
        return record;
    }

    private Period openPeriod(CaseRecord record) {
        return episodes.openPeriod(record.id())
                .orElseThrow(() -> new BadRequestException("caseRef", record.caseRef() + " is not looked after"));
    }
}
