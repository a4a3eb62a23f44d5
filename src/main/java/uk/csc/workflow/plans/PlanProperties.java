package uk.csc.workflow.plans;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.timescales.DurationUnit;
import uk.csc.workflow.timescales.LocalTimescales;

/**
 * The council's frequencies for its plans ({@code csc.plans.*}). Each one set replaces the amount
 * of its rule in the rules data (where the default is), so the clocks, the escalation ladder and
 * the timescales API use it.
 *
 * @param cpVisitWorkingDays   statutory visits to a child on a child protection plan (rule CP_VISIT, default 10)
 * @param coreGroupWorkingDays the core group's meetings after its first (rule CORE_GROUP_NEXT, default 20)
 * @param cinReviewMonths      reviews of a child in need plan (rule CIN_PLAN_REVIEW, default 3)
 * @param cinVisitWorkingDays  visits to a child on a child in need plan (rule CIN_VISIT, default 20)
 * @param familyHelpReviewMonths reviews of a Family Help plan (rule FAMILY_HELP_REVIEW, default 3; profile FAMILIES_FIRST)
 * @param familyHelpVisitWorkingDays the lead practitioner's visits to a child on a Family Help plan (rule FAMILY_HELP_VISIT, default 20)
 */
@ConfigurationProperties("csc.plans")
public record PlanProperties(Integer cpVisitWorkingDays, Integer coreGroupWorkingDays, Integer cinReviewMonths,
                             Integer cinVisitWorkingDays, Integer familyHelpReviewMonths,
                             Integer familyHelpVisitWorkingDays) implements LocalTimescales {

    @Override
    public Map<String, LocalAmount> amounts() {
        Map<String, LocalAmount> amounts = new LinkedHashMap<>();
        put(amounts, StatutoryRuleIds.CP_VISIT, DurationUnit.WORKING_DAYS, cpVisitWorkingDays);
        put(amounts, StatutoryRuleIds.CORE_GROUP_NEXT, DurationUnit.WORKING_DAYS, coreGroupWorkingDays);
        put(amounts, StatutoryRuleIds.CIN_PLAN_REVIEW, DurationUnit.MONTHS, cinReviewMonths);
        put(amounts, StatutoryRuleIds.CIN_VISIT, DurationUnit.WORKING_DAYS, cinVisitWorkingDays);
        put(amounts, StatutoryRuleIds.FAMILY_HELP_REVIEW, DurationUnit.MONTHS, familyHelpReviewMonths);
        put(amounts, StatutoryRuleIds.FAMILY_HELP_VISIT, DurationUnit.WORKING_DAYS, familyHelpVisitWorkingDays);
        return amounts;
    }

    private static void put(Map<String, LocalAmount> amounts, String rule, DurationUnit unit, Integer amount) {
        if (amount != null) {
            if (amount <= 0) {
                throw new IllegalArgumentException("csc.plans: the amount for " + rule + " must be positive");
            }
            amounts.put(rule, new LocalAmount(unit, amount));
        }
    }
}
