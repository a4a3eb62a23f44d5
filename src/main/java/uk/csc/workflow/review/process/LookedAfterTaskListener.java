package uk.csc.workflow.review.process;

import static uk.csc.workflow.platform.process.CaseVariables.id;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.platform.process.CaseAuthority;
import uk.csc.workflow.platform.process.FormTaskListener;
import uk.csc.workflow.review.LookedAfterReviewsModel;
import uk.csc.workflow.review.LookedAfterReviewsModel.Tasks;
import uk.csc.workflow.review.LookedAfterReviewsModel.Variables;
import uk.csc.workflow.review.ReviewService;
import uk.csc.workflow.review.VisitService;

/** lookedAfterReviews' user tasks: who may complete each, and the review or visit service that records it. */
@Component("lookedAfterTasks")
class LookedAfterTaskListener extends FormTaskListener {

    private static final Set<String> IRO = Set.of(Groups.IRO, Groups.ADMIN);
    private static final Set<String> MANAGERS = Set.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.ADMIN);
    private static final Set<String> SOCIAL_WORKERS = Set.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.ADMIN);

    private final Map<String, Step> steps;

    LookedAfterTaskListener(ReviewService reviews, VisitService visits, IdentityService identity, CaseAuthority cases) {
        super(identity, LookedAfterReviewsModel.CASE_DATA, cases);
        this.steps = Map.of(
                Tasks.ARRANGE_REVIEW, new Step(IRO, (t, f, u) -> {
                    reviews.arrange(id(t, Variables.REVIEW_ID), f, u);
                    return Map.of();
                }),
                Tasks.HOLD_REVIEW, new Step(IRO, (t, f, u) -> reviews.hold(id(t, Variables.REVIEW_ID), f, u)),
                Tasks.SIGN_OFF_REVIEW, new Step(MANAGERS, (t, f, u) -> {
                    reviews.signOff(id(t, Variables.SIGN_OFF_ID), f, u);
                    return Map.of();
                }),
                Tasks.RECORD_VISIT, new Step(SOCIAL_WORKERS, (t, f, u) -> {
                    visits.record(id(t, Variables.VISIT_ID), f, u);
                    return Map.of();
                }));
    }

    @Override
    protected Map<String, Step> steps() {
        return steps;
    }
}
