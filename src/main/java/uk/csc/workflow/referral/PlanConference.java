package uk.csc.workflow.referral;

import java.time.LocalDate;

import uk.csc.workflow.referral.ReferralCodes.CategoryOfAbuse;

/**
 * An initial child protection conference that decided a plan: when it was held, the plan's category and, when a
 * multi-agency child protection team ran the enquiry, the lead child protection practitioner who leads the plan
 * (null otherwise: the allocated social worker works the plan).
 */
public record PlanConference(LocalDate heldOn, CategoryOfAbuse category, String leadPractitioner) {
}
