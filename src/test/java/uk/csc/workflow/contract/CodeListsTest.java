package uk.csc.workflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import uk.csc.workflow.casefile.CaseFileCodes;
import uk.csc.workflow.casefile.CaseOutcome;
import uk.csc.workflow.casefile.CaseStage;
import uk.csc.workflow.codes.CinCensus;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeYears;
import uk.csc.workflow.codes.Ssda903;
import uk.csc.workflow.escalation.EscalationLevel;
import uk.csc.workflow.panel.PanelCodes;
import uk.csc.workflow.referral.ReferralCodes;

/**
 * Every form that asks for an SSDA903 or CIN census code offers exactly the product's one code list for it;
 * every code the product shows has a label, and the forms show the same words as the API.
 */
class CodeListsTest {

    /** The product's code lists and the label list that names their codes. */
    private static final Map<Class<? extends Enum<?>>, String> LABELLED = Map.ofEntries(
            Map.entry(ReferralCodes.ConcernLevel.class, CodeLabels.CONCERN_LEVEL),
            Map.entry(ReferralCodes.ProposedResponse.class, CodeLabels.PROPOSED_RESPONSE),
            Map.entry(ReferralCodes.ReferralDecision.class, CodeLabels.REFERRAL_DECISION),
            Map.entry(ReferralCodes.ScreeningDecision.class, CodeLabels.SCREENING_DECISION),
            Map.entry(ReferralCodes.Agency.class, CodeLabels.AGENCY),
            Map.entry(ReferralCodes.RiskLevel.class, CodeLabels.RISK_LEVEL),
            Map.entry(ReferralCodes.AssessmentKind.class, CodeLabels.ASSESSMENT_KIND),
            Map.entry(ReferralCodes.CategoryOfNeed.class, CodeLabels.CATEGORY_OF_NEED),
            Map.entry(ReferralCodes.AssessmentOutcome.class, CodeLabels.ASSESSMENT_OUTCOME),
            Map.entry(ReferralCodes.StrategyDecision.class, CodeLabels.STRATEGY_DECISION),
            Map.entry(ReferralCodes.S47Outcome.class, CodeLabels.S47_OUTCOME),
            Map.entry(ReferralCodes.ConferenceOutcome.class, CodeLabels.CONFERENCE_OUTCOME),
            Map.entry(ReferralCodes.CategoryOfAbuse.class, CodeLabels.CATEGORY_OF_ABUSE),
            Map.entry(ReferralCodes.NextStep.class, CodeLabels.NEXT_STEP),
            Map.entry(PanelCodes.Proposal.class, CodeLabels.PROPOSAL),
            Map.entry(PanelCodes.EmergencyAdmission.class, CodeLabels.EMERGENCY_ADMISSION),
            Map.entry(PanelCodes.Decision.class, CodeLabels.PANEL_DECISION),
            Map.entry(PanelCodes.LegalRoute.class, CodeLabels.LEGAL_ROUTE),
            Map.entry(PanelCodes.FinalOrder.class, CodeLabels.FINAL_ORDER),
            Map.entry(PanelCodes.FgdmMeetingResult.class, CodeLabels.FGDM_MEETING_RESULT),
            Map.entry(PanelCodes.FgdmOutcome.class, CodeLabels.FGDM_OUTCOME),
            Map.entry(PanelCodes.PermanencePlan.class, CodeLabels.PERMANENCE_PLAN),
            Map.entry(Ssda903.LegalStatus.class, CodeLabels.LEGAL_STATUS),
            Map.entry(Ssda903.PlacementType.class, CodeLabels.PLACEMENT_TYPE),
            Map.entry(Ssda903.PlacementProvider.class, CodeLabels.PLACEMENT_PROVIDER),
            Map.entry(Ssda903.ReasonForNewEpisode.class, CodeLabels.REASON_NEW_EPISODE),
            Map.entry(Ssda903.ReasonCeased.class, CodeLabels.REASON_CEASED),
            Map.entry(Ssda903.Participation.class, CodeLabels.PARTICIPATION),
            Map.entry(CaseFileCodes.Relationship.class, CodeLabels.RELATIONSHIP),
            Map.entry(CaseFileCodes.ProfessionalRole.class, CodeLabels.PROFESSIONAL_ROLE),
            Map.entry(CaseFileCodes.AlertKind.class, CodeLabels.ALERT_KIND),
            Map.entry(CaseFileCodes.NoteType.class, CodeLabels.NOTE_TYPE),
            Map.entry(CaseFileCodes.Disability.class, CodeLabels.DISABILITY),
            Map.entry(CaseFileCodes.Language.class, CodeLabels.LANGUAGE),
            Map.entry(CaseFileCodes.MatchDecision.class, CodeLabels.MATCH_DECISION),
            Map.entry(CaseFileCodes.ChronologyKind.class, CodeLabels.CHRONOLOGY_KIND),
            Map.entry(CaseStage.class, CodeLabels.CASE_STAGE),
            Map.entry(CaseOutcome.class, CodeLabels.CASE_OUTCOME),
            Map.entry(EscalationLevel.class, CodeLabels.ESCALATION_LEVEL));

    /** Form fields whose options are a labelled list, shown in the same words by the API. */
    private static final Map<String, String> FORM_LABELS = Map.ofEntries(
            Map.entry("childSex", CodeLabels.SEX),
            Map.entry("childEthnicity", CodeLabels.ETHNICITY),
            Map.entry("referralSource", CodeLabels.REFERRAL_SOURCE),
            Map.entry("concernLevel", CodeLabels.CONCERN_LEVEL),
            Map.entry("referralDecision", CodeLabels.REFERRAL_DECISION),
            Map.entry("screeningDecision", CodeLabels.SCREENING_DECISION),
            Map.entry("riskLevel", CodeLabels.RISK_LEVEL),
            Map.entry("categoryOfNeed", CodeLabels.CATEGORY_OF_NEED),
            Map.entry("recommendation", CodeLabels.ASSESSMENT_RECOMMENDATION),
            Map.entry("assessmentOutcome", CodeLabels.ASSESSMENT_OUTCOME),
            Map.entry("strategyDecision", CodeLabels.STRATEGY_DECISION),
            Map.entry("s47Outcome", CodeLabels.S47_OUTCOME),
            Map.entry("conferenceOutcome", CodeLabels.CONFERENCE_OUTCOME),
            Map.entry("categoryOfAbuse", CodeLabels.CATEGORY_OF_ABUSE),
            Map.entry("nextStep", CodeLabels.NEXT_STEP),
            Map.entry("proposal", CodeLabels.PROPOSAL),
            Map.entry("emergencyAdmission", CodeLabels.EMERGENCY_ADMISSION),
            Map.entry("panelDecision", CodeLabels.PANEL_DECISION),
            Map.entry("legalRoute", CodeLabels.LEGAL_ROUTE),
            Map.entry("finalOrder", CodeLabels.FINAL_ORDER),
            Map.entry("fgdmMeetingResult", CodeLabels.FGDM_MEETING_RESULT),
            Map.entry("fgdmOutcome", CodeLabels.FGDM_OUTCOME),
            Map.entry("permanencePlan", CodeLabels.PERMANENCE_PLAN),
            Map.entry("legalStatus", CodeLabels.LEGAL_STATUS),
            Map.entry("placementType", CodeLabels.PLACEMENT_TYPE),
            Map.entry("placementProvider", CodeLabels.PLACEMENT_PROVIDER),
            Map.entry("reasonForNewEpisode", CodeLabels.REASON_NEW_EPISODE),
            Map.entry("reasonCeased", CodeLabels.REASON_CEASED),
            Map.entry("participation", CodeLabels.PARTICIPATION));

    @Test
    void everyCodeOfTheProductHasALabel() throws IOException {
        List<String> missing = new ArrayList<>();
        LABELLED.forEach((codes, list) -> Arrays.stream(codes.getEnumConstants()).map(Enum::name)
                .filter(code -> !CodeLabels.hasLabel(list, code)).forEach(code -> missing.add(list + "|" + code)));
        Files.readAllLines(Path.of("src/main/resources/timescales/statutory-rules.csv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split(",")[0].trim())
                .filter(rule -> !CodeLabels.hasLabel(CodeLabels.RULE, rule)).forEach(rule -> missing.add("RULE|" + rule));
        assertThat(missing).as("codes without a label in codes/code-labels.txt").isEmpty();
        assertThat(CodeLabels.label(CodeLabels.ETHNICITY, "WBRI")).isEqualTo("White British");
    }

    @Test
    void formsShowTheWordsOfTheLabelList() throws IOException {
        List<String> differences = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                for (JsonNode field : fields(new ObjectMapper().readTree(Files.readString(form)), new ArrayList<>())) {
                    String list = FORM_LABELS.get(field.path("key").asText());
                    if (list == null || field.path("readonly").asBoolean(false)) {
                        continue;
                    }
                    for (JsonNode option : field.path("values")) {
                        String code = option.path("value").asText();
                        if (!code.isEmpty() && !option.path("label").asText().equals(CodeLabels.list(list).get(code))) {
                            differences.add(form.getFileName() + " " + field.path("key").asText() + " " + code + ": '"
                                    + option.path("label").asText() + "' but " + list + " says '" + CodeLabels.list(list).get(code) + "'");
                        }
                    }
                    checked.add(field.path("key").asText());
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(checked).contains("childEthnicity", "referralSource", "legalStatus", "participation");
    }

    private static final Map<String, Class<? extends Enum<?>>> CODE_FIELDS = Map.of(
            "legalStatus", Ssda903.LegalStatus.class,
            "placementType", Ssda903.PlacementType.class,
            "placementProvider", Ssda903.PlacementProvider.class,
            "reasonForNewEpisode", Ssda903.ReasonForNewEpisode.class,
            "reasonCeased", Ssda903.ReasonCeased.class,
            "participation", Ssda903.Participation.class,
            "categoryOfAbuse", ReferralCodes.CategoryOfAbuse.class,
            "closureReason", CinCensus.ClosureReason.class);

    @Test
    void formsOfferTheSharedCodeLists() throws IOException {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                for (JsonNode field : fields(new ObjectMapper().readTree(Files.readString(form)), new ArrayList<>())) {
                    Class<? extends Enum<?>> codes = CODE_FIELDS.get(field.path("key").asText());
                    if (codes == null || field.path("readonly").asBoolean(false)) {
                        continue;
                    }
                    List<String> offered = new ArrayList<>();
                    field.path("values").forEach(v -> offered.add(v.path("value").asText()));
                    // A form records a fact of today: it offers the codes still valid (codes/code-years.txt),
                    // not those a collection year has withdrawn; the enum keeps them for existing records.
                    String list = FORM_LABELS.get(field.path("key").asText());
                    assertThat(offered).as(form.getFileName() + " " + field.path("key").asText())
                            .containsExactlyElementsOf(Arrays.stream(codes.getEnumConstants()).map(Enum::name)
                                    .filter(code -> list == null || CodeYears.current(list, code)).toList());
                    checked.add(form.getFileName() + "#" + field.path("key").asText());
                }
            }
        }
        assertThat(checked).as("form fields checked").contains("recordPlacement.form#placementType",
                "recordPlacement.form#legalStatus", "recordPlacement.form#placementProvider",
                "initialConference.form#categoryOfAbuse", "holdReviewConference.form#categoryOfAbuse",
                "holdChildInNeedReview.form#closureReason");
    }

    private static List<JsonNode> fields(JsonNode node, List<JsonNode> into) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                into.add(component);
            }
            fields(component, into);
        }
        return into;
    }
}
