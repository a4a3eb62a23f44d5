package uk.csc.workflow.casefile;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Names compared the way a duty worker would: regardless of case, accents, punctuation and the
 * order of the names, and tolerant of spelling ("Jon Smyth" is probably "John Smith"). Computed
 * in Java rather than by a database extension, so the embedded H2 database and PostgreSQL give
 * the same answers (PostgreSQL's pg_trgm is not available on H2, and a council's DBA may not allow
 * extensions).
 *
 * <p>Two names are compared token by token: each token of one is paired with its most similar
 * token of the other, a token's similarity being the larger of its edit similarity (1 - Levenshtein
 * distance / length) and, for purely alphabetic tokens, 0.85 when their Double Metaphone codes
 * agree. Tokens with digits are never compared by sound (test data and typing slips).
 */
public final class ChildNames {

    /** Similarity of two spellings that sound alike. */
    static final double SOUNDS_ALIKE = 0.85;
    /** A search term that begins a name ("Moh" for "Mohammed"). */
    static final double PREFIX = 0.9;
    /** First and last names both at least this similar (or swapped), with the same date of birth: a likely match. */
    public static final double LIKELY_MATCH = 0.75;
    /** A search term at least this similar to one of the child's names finds the child. */
    static final double SEARCH_MATCH = 0.7;

    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private ChildNames() {
    }

    /** Lower case, no accents, apostrophes dropped, split on anything else that is not a letter or digit. */
    public static List<String> tokens(String name) {
        if (name == null) {
            return List.of();
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("['’`]", "");
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(t -> !t.isEmpty()).toList();
    }

    /** How alike two tokens are, from 0 to 1. */
    static double tokenSimilarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        double edit = 1.0 - (double) levenshtein(a, b) / Math.max(a.length(), b.length());
        return Math.max(edit, soundsAlike(a, b) ? SOUNDS_ALIKE : 0.0);
    }

    private static boolean soundsAlike(String a, String b) {
        if (a.length() < 2 || b.length() < 2 || !alphabetic(a) || !alphabetic(b)) {
            return false;
        }
        Set<String> codesOfA = codes(a);
        return codes(b).stream().anyMatch(codesOfA::contains);
    }

    private static Set<String> codes(String token) {
        Set<String> codes = new LinkedHashSet<>();
        String primary = METAPHONE.doubleMetaphone(token);
        String alternate = METAPHONE.doubleMetaphone(token, true);
        if (primary != null && !primary.isEmpty()) {
            codes.add(primary);
        }
        if (alternate != null && !alternate.isEmpty()) {
            codes.add(alternate);
        }
        return codes;
    }

    private static boolean alphabetic(String token) {
        return token.chars().allMatch(Character::isLetter);
    }

    /**
     * How alike two names are, from 0 to 1, in any order of their parts: the best pairing of
     * their tokens, over the larger number of tokens, or the two run together ("Mary-Jane" and
     * "Maryjane"), whichever is closer.
     */
    public static double similarity(String a, String b) {
        List<String> left = tokens(a);
        List<String> right = tokens(b);
        if (left.isEmpty() || right.isEmpty()) {
            return 0.0;
        }
        double paired = bestPairing(left, right) / Math.max(left.size(), right.size());
        double together = tokenSimilarity(String.join("", left), String.join("", right));
        return Math.max(paired, together);
    }

    /**
     * Whether a child recorded as {@code knownFirst knownLast} is likely the child a contact names
     * (given the same date of birth): both names alike, also when first and last were swapped.
     * Answers the score (0 to 1), or 0 when it is not a likely match.
     */
    public static double likelyMatch(String first, String last, String knownFirst, String knownLast) {
        double straight = Math.min(similarity(first, knownFirst), similarity(last, knownLast));
        double swapped = Math.min(similarity(first, knownLast), similarity(last, knownFirst));
        double best = Math.max(straight, swapped);
        if (best < LIKELY_MATCH) {
            return 0.0;
        }
        return straight >= swapped
                ? (similarity(first, knownFirst) + similarity(last, knownLast)) / 2
                : (similarity(first, knownLast) + similarity(last, knownFirst)) / 2;
    }

    /**
     * How well a search ({@code "smyth jon"}) finds a child: every term must be like one of the
     * child's names (a term of three letters or more may begin one); the score is their average, or
     * 0 when a term finds nothing.
     */
    public static double searchScore(String query, String first, String last) {
        List<String> terms = tokens(query);
        List<String> names = new ArrayList<>(tokens(first));
        names.addAll(tokens(last));
        if (terms.isEmpty() || names.isEmpty()) {
            return 0.0;
        }
        double total = 0;
        for (String term : terms) {
            double best = 0;
            for (String name : names) {
                double s = tokenSimilarity(term, name);
                if (term.length() >= 3 && name.startsWith(term)) {
                    s = Math.max(s, PREFIX);
                }
                best = Math.max(best, s);
            }
            if (best < SEARCH_MATCH) {
                return 0.0;
            }
            total += best;
        }
        return total / terms.size();
    }

    /**
     * The keys under which a child is found by name (table {@code child_name_key}): for every
     * token its phonetic codes ({@code M:}) and its first three letters ({@code P:}).
     */
    public static Set<String> keys(String... names) {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : names) {
            for (String token : tokens(name)) {
                keys.add("P:" + token.substring(0, Math.min(3, token.length())));
                if (alphabetic(token)) {
                    codes(token).forEach(code -> keys.add("M:" + code));
                }
            }
        }
        return keys;
    }

    /**
     * Every key a child is stored under: its {@link #keys} and, for each two of them, a pair key
     * ({@code 2:a+b}), so a search by two names reads the short list of children holding both
     * rather than each name's long one (bench/P3.md).
     */
    public static Set<String> storedKeys(String... names) {
        Set<String> single = keys(names);
        Set<String> stored = new LinkedHashSet<>(single);
        for (String a : single) {
            for (String b : single) {
                if (a.compareTo(b) < 0) {
                    stored.add(pair(a, b));
                }
            }
        }
        return stored;
    }

    /**
     * What the search narrows by, one set per condition, a child having to hold a key of each set:
     * the terms two by two, as their pair keys, and a last odd term by its own keys. A child holds a
     * key of both terms exactly when it holds one of these pairs, or a key the two terms share (kept
     * in the set as it is), so the narrowing finds the same children as a key of every term would.
     */
    public static List<Set<String>> searchConditions(String query) {
        List<Set<String>> terms = tokens(query).stream().distinct().map(ChildNames::keys).filter(k -> !k.isEmpty()).toList();
        List<Set<String>> conditions = new ArrayList<>();
        for (int i = 0; i < terms.size(); i += 2) {
            conditions.add(i + 1 < terms.size() ? pairs(terms.get(i), terms.get(i + 1)) : terms.get(i));
        }
        return conditions;
    }

    private static Set<String> pairs(Set<String> first, Set<String> second) {
        Set<String> either = new LinkedHashSet<>();
        for (String a : first) {
            for (String b : second) {
                either.add(a.equals(b) ? a : a.compareTo(b) < 0 ? pair(a, b) : pair(b, a));
            }
        }
        return either;
    }

    private static String pair(String a, String b) {
        return "2:" + a + "+" + b;
    }

    /** The greedy best pairing of tokens: the most alike pair first, each token used once. */
    private static double bestPairing(List<String> left, List<String> right) {
        boolean[] usedLeft = new boolean[left.size()];
        boolean[] usedRight = new boolean[right.size()];
        double total = 0;
        for (int pairs = Math.min(left.size(), right.size()); pairs > 0; pairs--) {
            double best = -1;
            int bestLeft = -1;
            int bestRight = -1;
            for (int i = 0; i < left.size(); i++) {
                for (int j = 0; j < right.size(); j++) {
                    if (!usedLeft[i] && !usedRight[j]) {
                        double s = tokenSimilarity(left.get(i), right.get(j));
                        if (s > best) {
                            best = s;
                            bestLeft = i;
                            bestRight = j;
                        }
                    }
                }
            }
            usedLeft[bestLeft] = true;
            usedRight[bestRight] = true;
            total += best;
        }
        return total;
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
