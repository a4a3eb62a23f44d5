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

import uk.csc.workflow.codes.CinCensus;
import uk.csc.workflow.codes.Ssda903;
import uk.csc.workflow.referral.ReferralCodes;

/** Every form that asks for an SSDA903 or CIN census code offers exactly the product's one code list for it. */
class CodeListsTest {

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
                    assertThat(offered).as(form.getFileName() + " " + field.path("key").asText())
                            .containsExactlyElementsOf(Arrays.stream(codes.getEnumConstants()).map(Enum::name).toList());
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
