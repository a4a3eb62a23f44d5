package uk.csc.workflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Name matching as a duty worker would do it: case, accents, order and spelling do not hide a child. */
class ChildNamesTest {

    @Test
    void namesAreComparedWithoutCaseAccentsOrPunctuation() {
        assertThat(ChildNames.tokens("  Zoë O'Brien-Smith ")).containsExactly("zoe", "obrien", "smith");
        assertThat(ChildNames.similarity("ZOË", "zoe")).isEqualTo(1.0);
        assertThat(ChildNames.similarity("Mary-Jane", "Maryjane")).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "{0} {1} is likely {2} {3}")
    @CsvSource({
            "Jon, Smyth, John, Smith",
            "Mohammed, Khan, Muhammad, Khan",
            "Aisha, Begum, Ayesha, Begum",
            "Catherine, Jones, Katherine, Jones",
            // first and last name swapped on the second contact
            "Smith, John, John, Smith",
            "Leah, Clarke, Lea, Clark"})
    void likelyMatches(String first, String last, String knownFirst, String knownLast) {
        assertThat(ChildNames.likelyMatch(first, last, knownFirst, knownLast)).isGreaterThanOrEqualTo(ChildNames.LIKELY_MATCH);
    }

    @ParameterizedTest(name = "{0} {1} is not {2} {3}")
    @CsvSource({
            "Ella, Brown, Ella, Green",
            "Ben, Smith, Grace, Smith",
            "Harry, Evans, Harriet, Davies",
            // made-up test names with digits are never compared by sound
            "Test1a2b3c4d, Child, Test9f8e7d6c, Child"})
    void notMatches(String first, String last, String knownFirst, String knownLast) {
        assertThat(ChildNames.likelyMatch(first, last, knownFirst, knownLast)).isZero();
    }

    @Test
    void aSearchFindsAChildInAnyOrderWithSpellingSlipsAndByTheStartOfAName() {
        assertThat(ChildNames.searchScore("smyth jon", "John", "Smith")).isGreaterThan(0.8);
        assertThat(ChildNames.searchScore("Moh", "Mohammed", "Khan")).isGreaterThanOrEqualTo(0.9);
        assertThat(ChildNames.searchScore("khan", "Mohammed", "Khan")).isEqualTo(1.0);
        assertThat(ChildNames.searchScore("john jones", "John", "Smith")).isZero();
        assertThat(ChildNames.searchScore("zz", "John", "Smith")).isZero();
    }

    @Test
    void keysFindSpellingsThatSoundAlikeOrBeginAlike() {
        assertThat(ChildNames.keys("Smyth")).containsAnyElementsOf(ChildNames.keys("Smith"));
        assertThat(ChildNames.keys("Catherine")).containsAnyElementsOf(ChildNames.keys("Katherine"));
        assertThat(ChildNames.keys("Moh")).containsAnyElementsOf(ChildNames.keys("Mohammed", "Khan"));
        assertThat(ChildNames.keys("Test1a2b")).allMatch(k -> k.startsWith("P:"));
    }

    /**
     * The pair keys narrow to exactly the children that hold a key of every term, whatever the
     * terms (shared keys, a term matching both of a child's names, three terms), and fit the column.
     */
    @Test
    void pairKeysNarrowAsAKeyOfEveryTermDoes() {
        List<String[]> children = List.of(new String[] {"Florence", "White"}, new String[] {"Flora", "Whyte"},
                new String[] {"Florence", "Wood"}, new String[] {"Mary-Jane", "O'Neil"}, new String[] {"Flo", "Flo"},
                new String[] {"Mohammed Ali", "Khan"}, new String[] {"Test1a2b", "Child"}, new String[] {"Zoë", "Ng"});
        List<String> queries = List.of("Florence White", "white florence", "Flo Florence", "Flo Flo", "Flor Whit", "Wood Flo",
                "mary jane oneil", "Moh Ali Khan", "khan moh", "Test1a2b child", "zoe", "ng zoe", "White");
        for (String[] child : children) {
            Set<String> stored = ChildNames.storedKeys(child[0], child[1]);
            assertThat(stored).allMatch(k -> k.length() <= 24);
            Set<String> single = ChildNames.keys(child[0], child[1]);
            for (String query : queries) {
                boolean everyTerm = ChildNames.tokens(query).stream().map(ChildNames::keys).filter(k -> !k.isEmpty())
                        .allMatch(k -> k.stream().anyMatch(single::contains));
                boolean byPairs = ChildNames.searchConditions(query).stream().allMatch(k -> k.stream().anyMatch(stored::contains));
                assertThat(byPairs).as(query + " for " + String.join(" ", child)).isEqualTo(everyTerm);
            }
        }
        assertThat(ChildNames.searchConditions("Florence White")).singleElement()
                .satisfies(pairs -> assertThat(pairs).allMatch(k -> k.startsWith("2:")));
    }

    @Test
    void ageInYearsAndMonthsUnderTwo() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        assertThat(Age.of(LocalDate.of(2019, 1, 15), today)).isEqualTo(new Age(7, null, "7 years"));
        assertThat(Age.of(LocalDate.of(2025, 9, 1), today)).isEqualTo(new Age(1, 3, "1 year 3 months"));
        assertThat(Age.of(LocalDate.of(2025, 12, 1), today)).isEqualTo(new Age(1, 0, "1 year"));
        assertThat(Age.of(LocalDate.of(2026, 7, 20), today)).isEqualTo(new Age(0, 4, "4 months"));
        assertThat(Age.of(LocalDate.of(2026, 11, 20), today)).isEqualTo(new Age(0, 0, "under 1 month"));
        assertThat(Age.of(null, today)).isNull();
    }
}
