package uk.csc.workflow.clocks;

/**
 * The ids of the statutory rules ({@code timescales/statutory-rules.csv}) that the code starts,
 * stops or counts. {@code ProcessContractTest} proves each is in the rules data, as is every rule
 * a model names.
 */
public final class StatutoryRuleIds {

    public static final String REFERRAL_DECISION = "REFERRAL_DECISION";
    public static final String INITIAL_ASSESSMENT = "INITIAL_ASSESSMENT";
    public static final String CORE_ASSESSMENT = "CORE_ASSESSMENT";
    public static final String SINGLE_ASSESSMENT = "SINGLE_ASSESSMENT";
    public static final String ICPC = "ICPC";
    public static final String CP_REVIEW_FIRST = "CP_REVIEW_FIRST";
    public static final String CP_REVIEW_NEXT = "CP_REVIEW_NEXT";
    public static final String CARE_PLAN = "CARE_PLAN";
    public static final String HEALTH_ASSESSMENT = "HEALTH_ASSESSMENT";
    public static final String PLACEMENT_NOTICE = "PLACEMENT_NOTICE";
    public static final String CARE_PROCEEDINGS = "CARE_PROCEEDINGS";
    public static final String LAC_REVIEW_FIRST = "LAC_REVIEW_FIRST";
    public static final String LAC_REVIEW_SECOND = "LAC_REVIEW_SECOND";
    public static final String LAC_REVIEW_NEXT = "LAC_REVIEW_NEXT";
    public static final String LAC_REVIEW_SIGN_OFF = "LAC_REVIEW_SIGN_OFF";
    public static final String VISIT_FIRST = "VISIT_FIRST";
    public static final String VISIT_NEXT = "VISIT_NEXT";
    public static final String VISIT_LONG_TERM = "VISIT_LONG_TERM";
    public static final String CORE_GROUP_FIRST = "CORE_GROUP_FIRST";
    public static final String CORE_GROUP_NEXT = "CORE_GROUP_NEXT";
    public static final String CP_VISIT = "CP_VISIT";
    public static final String CIN_PLAN = "CIN_PLAN";
    public static final String CIN_PLAN_REVIEW = "CIN_PLAN_REVIEW";
    public static final String CIN_VISIT = "CIN_VISIT";
    public static final String FGDM_MEETING = "FGDM_MEETING";
    public static final String FAMILY_HELP_PLAN = "FAMILY_HELP_PLAN";
    public static final String FAMILY_HELP_REVIEW = "FAMILY_HELP_REVIEW";
    public static final String FAMILY_HELP_VISIT = "FAMILY_HELP_VISIT";

    private StatutoryRuleIds() {
    }
}
