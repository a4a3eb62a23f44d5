package uk.csc.workflow.referral;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the council runs child protection ({@code csc.child-protection.*}).
 *
 * @param multiAgency {@code csc.child-protection.multi-agency}: multi-agency child protection teams (Children's Wellbeing
 *                    and Schools Act 2026 s3) led by a lead child protection practitioner, with police, health and
 *                    education members; default false until the section commences (expected 2027). Read when a
 *                    case's strategy discussion opens and fixed on that route, so a case in flight keeps its way of working.
 */
@ConfigurationProperties("csc.child-protection")
public record ChildProtectionProperties(boolean multiAgency) {
}
