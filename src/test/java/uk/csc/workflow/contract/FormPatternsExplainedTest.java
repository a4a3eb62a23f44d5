package uk.csc.workflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist's form renderer answers a value that does not fit a field's pattern with "Field must
 * match pattern ^[0-9]{10}$"; the Tasklist plugin replaces that with what the field expects, in
 * words. Every pattern a form declares must have its words there, or a person reads a regular
 * expression.
 */
class FormPatternsExplainedTest {

    private static final Path PLUGIN = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app/tasklist/custom/tasklist-forms.js");

    @Test
    void everyPatternAFormDeclaresIsExplainedInWordsByTheTasklistPlugin() throws IOException {
        String plugin = Files.readString(PLUGIN);
        List<String> patterns = patterns();

        assertThat(patterns).as("the forms declare patterns").isNotEmpty();
        assertThat(patterns).allSatisfy(pattern -> assertThat(plugin).as("words for " + pattern).contains("'" + pattern + "': '"));
    }

    private static List<String> patterns() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                collect(new ObjectMapper().readTree(form.toFile()), found);
            }
        }
        return found;
    }

    private static void collect(JsonNode node, List<String> into) {
        for (JsonNode component : node.path("components")) {
            String pattern = component.path("validate").path("pattern").asText("");
            if (!pattern.isEmpty()) {
                into.add(pattern);
            }
            collect(component, into);
        }
    }
}
