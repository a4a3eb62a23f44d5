package uk.csc.workflow.timescales;

import java.util.Set;

/**
 * One statutory timescale as data: "{@code amount} {@code unit} from {@code clockStarts}".
 *
 * @param id          stable identifier used by models, tables and the API, e.g. {@code INITIAL_ASSESSMENT}
 * @param profiles    the guidance profiles in which the rule applies
 * @param clockStarts the event that starts the clock, in plain words
 * @param source      the legislation or guidance the rule comes from
 */
public record StatutoryRule(String id, DurationUnit unit, int amount, Set<GuidanceProfile> profiles,
                            String clockStarts, String source) {

    public StatutoryRule {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A statutory rule needs an id");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("Rule " + id + " needs a positive amount");
        }
        profiles = Set.copyOf(profiles);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("Rule " + id + " applies in no profile");
        }
    }

    public boolean appliesIn(GuidanceProfile profile) {
        return profiles.stream().anyMatch(profile::includes);
    }
}
