package uk.csc.workflow.timescales;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The catalogue of statutory rules, read from data so a rule can change without a release. */
public final class StatutoryRules {

    private final Map<String, StatutoryRule> byId;

    public StatutoryRules(Collection<StatutoryRule> rules) {
        Map<String, StatutoryRule> map = new LinkedHashMap<>();
        for (StatutoryRule rule : rules) {
            if (map.put(rule.id(), rule) != null) {
                throw new IllegalArgumentException("Rule " + rule.id() + " is defined twice");
            }
        }
        this.byId = map;
    }

    /** Reads {@code id,unit,amount,profiles,clock starts,source}; profiles joined by {@code |}. */
    public static StatutoryRules parse(InputStream csv, String origin) {
        var rules = new java.util.ArrayList<StatutoryRule>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                rules.add(parseLine(trimmed, origin + " line " + number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read statutory rules from " + origin, e);
        }
        return new StatutoryRules(rules);
    }

    private static StatutoryRule parseLine(String line, String where) {
        String[] f = line.split(",", 6);
        if (f.length < 4) {
            throw new IllegalArgumentException(where + ": expected id,unit,amount,profiles[,clock starts,source]");
        }
        try {
            Set<GuidanceProfile> profiles = EnumSet.noneOf(GuidanceProfile.class);
            Arrays.stream(f[3].split("\\|")).map(String::strip).map(GuidanceProfile::valueOf).forEach(profiles::add);
            return new StatutoryRule(f[0].strip(), DurationUnit.valueOf(f[1].strip()), Integer.parseInt(f[2].strip()),
                    profiles, f.length > 4 ? f[4].strip() : "", f.length > 5 ? f[5].strip() : "");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    public Optional<StatutoryRule> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public StatutoryRule get(String id) {
        return find(id).orElseThrow(() -> new UnknownRuleException(
                "Unknown statutory rule '" + id + "'; known rules: " + String.join(", ", byId.keySet())));
    }

    public Collection<StatutoryRule> all() {
        return byId.values();
    }

    /**
     * The same rules with a council's local amounts: each named rule keeps its unit, profiles and
     * source and takes the new amount. An unknown rule or a different unit is refused at start.
     */
    public StatutoryRules withLocalAmounts(Map<String, LocalTimescales.LocalAmount> local) {
        Map<String, StatutoryRule> changed = new LinkedHashMap<>(byId);
        local.forEach((id, amount) -> {
            StatutoryRule rule = get(id);
            if (rule.unit() != amount.unit()) {
                throw new IllegalArgumentException("Rule " + id + " is counted in " + rule.unit() + ", not " + amount.unit());
            }
            changed.put(id, new StatutoryRule(id, rule.unit(), amount.amount(), rule.profiles(), rule.clockStarts(), rule.source()));
        });
        return new StatutoryRules(changed.values());
    }
}
