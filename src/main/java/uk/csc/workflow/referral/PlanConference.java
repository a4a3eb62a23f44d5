package uk.csc.workflow.referral;

import java.time.LocalDate;

import uk.csc.workflow.referral.ReferralCodes.CategoryOfAbuse;

/** An initial child protection conference that decided a plan: when it was held and the plan's category. */
public record PlanConference(LocalDate heldOn, CategoryOfAbuse category) {
}
