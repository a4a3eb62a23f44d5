package uk.csc.workflow.review;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The review cycle's working-day settings ({@code csc.reviews.*}).
 *
 * @param invitationWorkingDaysBefore when the IRO is asked to arrange a review and send the invitations
 * @param reminderWorkingDaysBefore   when the reminder is raised if the review has not been held
 */
@ConfigurationProperties("csc.reviews")
public record ReviewProperties(Integer invitationWorkingDaysBefore, Integer reminderWorkingDaysBefore) {

    public ReviewProperties {
        invitationWorkingDaysBefore = invitationWorkingDaysBefore == null ? 20 : invitationWorkingDaysBefore;
        reminderWorkingDaysBefore = reminderWorkingDaysBefore == null ? 10 : reminderWorkingDaysBefore;
    }
}
