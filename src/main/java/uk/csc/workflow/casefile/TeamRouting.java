package uk.csc.workflow.casefile;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which team takes a contact, by the child's postcode district ({@code csc.routing.*}).
 *
 * @param districts   postcode district (outward code, e.g. {@code B23}) to team group id
 * @param defaultTeam the team for a district not in the table
 */
@ConfigurationProperties("csc.routing")
public record TeamRouting(Map<String, String> districts, String defaultTeam) {

    public TeamRouting {
        districts = districts == null ? Map.of() : Map.copyOf(districts);
        defaultTeam = defaultTeam == null ? "team-north" : defaultTeam;
    }

    public String teamFor(String postcode) {
        return districts.getOrDefault(district(postcode), defaultTeam);
    }

    /** The outward code: everything before the last three characters of a normalised postcode. */
    static String district(String postcode) {
        String compact = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.length() > 3 ? compact.substring(0, compact.length() - 3) : compact;
    }
}
