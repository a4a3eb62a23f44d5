package uk.csc.workflow.codes;

import java.util.Map;

/**
 * The words for every code the product shows to people ({@code codes/code-labels.txt}): an
 * ethnicity {@code WBRI} is shown as "White British", a legal status {@code V2} as "Accommodated
 * under section 20". Answers carry the code (what the returns need) and its label (what a person
 * reads) side by side, as {@link Coded}.
 */
public final class CodeLabels {

    /** The lists, by name. */
    public static final String SEX = "SEX";
    public static final String ETHNICITY = "ETHNICITY";
    public static final String REFERRAL_SOURCE = "REFERRAL_SOURCE";
    public static final String CONCERN_LEVEL = "CONCERN_LEVEL";
    public static final String PROPOSED_RESPONSE = "PROPOSED_RESPONSE";
    public static final String REFERRAL_DECISION = "REFERRAL_DECISION";
    public static final String SCREENING_DECISION = "SCREENING_DECISION";
    public static final String AGENCY = "AGENCY";
    public static final String RISK_LEVEL = "RISK_LEVEL";
    public static final String ASSESSMENT_KIND = "ASSESSMENT_KIND";
    public static final String CATEGORY_OF_NEED = "CATEGORY_OF_NEED";
    public static final String ASSESSMENT_RECOMMENDATION = "ASSESSMENT_RECOMMENDATION";
    public static final String ASSESSMENT_OUTCOME = "ASSESSMENT_OUTCOME";
    public static final String STRATEGY_DECISION = "STRATEGY_DECISION";
    public static final String S47_OUTCOME = "S47_OUTCOME";
    public static final String CONFERENCE_OUTCOME = "CONFERENCE_OUTCOME";
    public static final String CATEGORY_OF_ABUSE = "CATEGORY_OF_ABUSE";
    public static final String NEXT_STEP = "NEXT_STEP";
    public static final String PROPOSAL = "PROPOSAL";
    public static final String EMERGENCY_ADMISSION = "EMERGENCY_ADMISSION";
    public static final String PANEL_DECISION = "PANEL_DECISION";
    public static final String LEGAL_ROUTE = "LEGAL_ROUTE";
    public static final String FINAL_ORDER = "FINAL_ORDER";
    public static final String PERMANENCE_PLAN = "PERMANENCE_PLAN";
    public static final String LEGAL_STATUS = "LEGAL_STATUS";
    public static final String PLACEMENT_TYPE = "PLACEMENT_TYPE";
    public static final String PLACEMENT_PROVIDER = "PLACEMENT_PROVIDER";
    public static final String PARTICIPATION = "PARTICIPATION";
    public static final String REASON_NEW_EPISODE = "REASON_NEW_EPISODE";
    public static final String REASON_CEASED = "REASON_CEASED";
    public static final String DISABILITY = "DISABILITY";
    public static final String LANGUAGE = "LANGUAGE";
    public static final String RELATIONSHIP = "RELATIONSHIP";
    public static final String PROFESSIONAL_ROLE = "PROFESSIONAL_ROLE";
    public static final String ALERT_KIND = "ALERT_KIND";
    public static final String NOTE_TYPE = "NOTE_TYPE";
    public static final String CHRONOLOGY_KIND = "CHRONOLOGY_KIND";
    public static final String MATCH_DECISION = "MATCH_DECISION";
    public static final String CASE_STAGE = "CASE_STAGE";
    public static final String CASE_OUTCOME = "CASE_OUTCOME";
    public static final String RULE = "RULE";
    public static final String ESCALATION_LEVEL = "ESCALATION_LEVEL";
    public static final String LEGAL_STEP = "LEGAL_STEP";
    public static final String LEGAL_STEP_OUTCOME = "LEGAL_STEP_OUTCOME";
    public static final String FGDM_MEETING_RESULT = "FGDM_MEETING_RESULT";
    public static final String FGDM_OUTCOME = "FGDM_OUTCOME";

    private static final String FILE = "/codes/code-labels.txt";
    private static final Map<String, Map<String, String>> LISTS = load();

    /** A code with the words for it. */
    public record Coded(String code, String label) {
    }

    private CodeLabels() {
    }

    /** The label of {@code code} in {@code list}; the code itself when the list has no label for it; null for null. */
    public static String label(String list, String code) {
        if (code == null) {
            return null;
        }
        return LISTS.getOrDefault(list, Map.of()).getOrDefault(code, code);
    }

    /** The code and its label, or null for no code. */
    public static Coded coded(String list, String code) {
        return code == null || code.isEmpty() ? null : new Coded(code, label(list, code));
    }

    public static Coded coded(String list, Enum<?> code) {
        return code == null ? null : coded(list, code.name());
    }

    /** Whether the list labels the code (the build checks every code of the product's code lists). */
    public static boolean hasLabel(String list, String code) {
        return LISTS.getOrDefault(list, Map.of()).containsKey(code);
    }

    /** Every code of a list with its label, in the file's order. */
    public static Map<String, String> list(String list) {
        return LISTS.getOrDefault(list, Map.of());
    }

    private static Map<String, Map<String, String>> load() {
        return CodeListFile.read(FILE, 3, "LIST|CODE|label", parts -> {
            if (parts[2].isBlank()) {
                throw new IllegalArgumentException("the code " + parts[1].strip() + " has no label");
            }
            return parts[2].strip();
        });
    }
}
