package uk.csc.workflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.support.NhsNumbers;
import uk.csc.workflow.support.PostgresIntegrationTest;
import uk.csc.workflow.support.TestTime;

/**
 * Finding a child on PostgreSQL: by name in any order and spelling, date of birth, NHS number,
 * UPN and postcode; a worker of another team finds nothing (not even a count); every search audited.
 */
@PostgresIntegrationTest
class ChildSearchApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    /** A surname no other test uses, letters only. */
    private static String surname() {
        StringBuilder letters = new StringBuilder("Wood");
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }

    private String record(String user, String first, String last, String dob, String postcode, String nhs, String upn) {
        Map<String, Object> child = new HashMap<>(Map.of("firstName", first, "lastName", last, "dateOfBirth", dob, "sex", "M",
                "ethnicity", "MWBC", "postcode", postcode, "nhsNumber", nhs));
        if (upn != null) {
            child.put("upn", upn);
        }
        ResponseEntity<Map> answer = rest.withBasicAuth(user, "demo").postForEntity("/api/contacts", Map.of("child", child,
                "referralSource", "3A", "receivedAt", TestTime.now().minusHours(2).toString(), "concerns", "GP worried",
                "concernLevel", "CHILD_IN_NEED", "immediateRisk", false, "dvNotification", false, "consent", true), Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) answer.getBody().get("caseRef");
    }

    private List<Map<String, Object>> search(String user, String query) {
        return rest.withBasicAuth(user, "demo").getForObject("/api/children/search?" + query, List.class);
    }

    @Test
    void aChildIsFoundByNameInAnyOrderAndSpellingAndByIdentifiers() {
        String last = surname();
        String dob = TestTime.bornYearsAgo(6).toString();
        String nhs = NhsNumbers.next();
        String upn = "A" + String.valueOf(System.nanoTime()).substring(0, 11) + "Z";
        String caseRef = record("worker.north", "Oliver", last, dob, "B23 6AB", nhs, upn);
        record("worker.north", "Olivia", last, TestTime.bornYearsAgo(3).toString(), "B24 9PP", NhsNumbers.next(), null);

        // Surname first and misspelt ("Olivr"), as a caller might give it.
        List<Map<String, Object>> byName = search("worker.north", "q=" + last + " Olivr");
        assertThat(byName).extracting(f -> f.get("firstName")).containsExactly("Oliver");
        Map<String, Object> found = byName.get(0);
        assertThat(found).containsEntry("lastName", last).containsEntry("dateOfBirth", dob).containsEntry("postcode", "B23 6AB")
                .containsEntry("matchedOn", List.of("NAME")).containsEntry("sex", Map.of("code", "M", "label", "Male"));
        assertThat((Integer) found.get("score")).isBetween(80, 99);
        assertThat((List<Map<String, Object>>) found.get("cases")).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("caseRef", caseRef).containsEntry("team", Map.of("code", "team-north", "label", "Team North"))
                .containsEntry("open", true));

        assertThat(search("worker.north", "q=" + last)).extracting(f -> f.get("firstName")).containsExactlyInAnyOrder("Oliver", "Olivia");
        assertThat(search("worker.north", "q=" + last + "&dob=" + dob)).extracting(f -> f.get("firstName")).containsExactly("Oliver");
        assertThat(search("worker.north", "nhs=" + nhs)).extracting(f -> f.get("lastName")).containsExactly(last);
        assertThat(search("worker.north", "upn=" + upn.toLowerCase())).extracting(f -> f.get("lastName")).containsExactly(last);
        assertThat(search("worker.north", "postcode=b23 6ab&q=" + last)).extracting(f -> f.get("firstName")).containsExactly("Oliver");
        assertThat(search("worker.north", "postcode=B24&q=" + last)).extracting(f -> f.get("firstName")).containsExactly("Olivia");
        assertThat(search("worker.north", "q=" + last + "&dob=" + TestTime.bornYearsAgo(8))).isEmpty();

        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE user_id = 'worker.north' AND subject_type = 'SEARCH'",
                String.class)).contains("child search by name: 1 found", "child search by name, date of birth: 1 found",
                "child search by NHS number: 1 found");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE subject_ref = ? AND detail = 'found by a child search'",
                Integer.class, caseRef)).isGreaterThanOrEqualTo(5);
    }

    @Test
    void anotherTeamFindsNothingAndCityWideManagersFindEveryone() {
        String last = surname();
        String nhs = NhsNumbers.next();
        record("worker.north", "Freya", last, TestTime.bornYearsAgo(11).toString(), "B23 6AB", nhs, null);

        assertThat(search("worker.south", "q=Freya " + last)).isEmpty();
        assertThat(search("worker.south", "nhs=" + nhs)).isEmpty();
        assertThat(search("manager.south", "q=" + last)).isEmpty();
        assertThat(search("panel.chair", "q=" + last)).isEmpty();
        assertThat(search("service.manager", "q=Freya " + last)).hasSize(1);

        record("worker.south", "Freddie", last, TestTime.bornYearsAgo(4).toString(), "B13 9AA", NhsNumbers.next(), null);
        assertThat(search("worker.south", "q=" + last)).extracting(f -> f.get("firstName")).containsExactly("Freddie");
    }

    @Test
    void aSearchNeedsACriterionAndWellFormedOnes() {
        ResponseEntity<Map> none = rest.withBasicAuth("worker.north", "demo").getForEntity("/api/children/search", Map.class);
        ResponseEntity<Map> bad = rest.withBasicAuth("worker.north", "demo").getForEntity(
                "/api/children/search?q=x&dob=yesterday&nhs=123&upn=42&postcode=nowhere", Map.class);

        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) bad.getBody().get("problems")).extracting(p -> p.get("field"))
                .containsExactlyInAnyOrder("q", "dob", "nhs", "upn", "postcode");
    }

    /**
     * A city's history holds many children who share one of the names sought: more than the
     * search narrows to ({@link ChildSearch#CANDIDATES}), all newer than the child sought. The
     * narrowing asks for a key of every term, so the child with both names is still found
     * (bench/P3.md: with either name's keys, ten years of history crowded the child out).
     */
    @Test
    void aCommonFirstNameDoesNotCrowdOutTheChildSought() {
        String first = "Zeph" + surname().substring(4);
        String last = surname();
        String caseRef = record("worker.north", first, last, TestTime.bornYearsAgo(9).toString(), "B23 6AB", NhsNumbers.next(), null);
        List<Object[]> namesakes = new java.util.ArrayList<>();
        for (int i = 0; i <= ChildSearch.CANDIDATES; i++) {
            namesakes.add(new Object[] {first, "Ash" + surname().substring(4), java.sql.Date.valueOf(TestTime.bornYearsAgo(1 + i % 15))});
        }
        jdbc.batchUpdate("INSERT INTO child (first_name, last_name, date_of_birth, sex, ethnicity, postcode, created_at) "
                + "VALUES (?, ?, ?, 'F', 'WBRI', 'B24 9PP', CURRENT_TIMESTAMP)", namesakes);
        List<Object[]> keys = new java.util.ArrayList<>();
        jdbc.query("SELECT id, first_name, last_name FROM child WHERE first_name = ? AND postcode = 'B24 9PP'", rs -> {
            for (String key : ChildNames.storedKeys(rs.getString(2), rs.getString(3))) {
                keys.add(new Object[] {rs.getLong(1), key});
            }
        }, first);
        jdbc.batchUpdate("INSERT INTO child_name_key (child_id, name_key) VALUES (?, ?)", keys);

        List<Map<String, Object>> found = search("worker.north", "q=" + first + " " + last);
        assertThat(found).singleElement().satisfies(f -> assertThat((List<Map<String, Object>>) f.get("cases"))
                .extracting(c -> c.get("caseRef")).containsExactly(caseRef));
    }

    /**
     * Two names are narrowed by their pair keys ({@link ChildNames#storedKeys}): a child recorded
     * now holds them, one recorded before them gets them from migration 69, and two terms that both
     * match one name ("Flo Florian") still find the child by the key they share.
     */
    @Test
    void twoNamesAreFoundByTheirPairKeysAlsoForChildrenRecordedBefore() throws Exception {
        // Stems no other test's surnames begin with (their sound-alike codes would find those children too).
        String first = "Florian" + surname().substring(4);
        String last = "Quill" + surname().substring(4);
        String recorded = record("worker.north", first, last, TestTime.bornYearsAgo(7).toString(), "B23 6AB", NhsNumbers.next(), null);
        long childId = jdbc.queryForObject("SELECT child_id FROM care_case WHERE case_ref = ?", Long.class, recorded);
        assertThat(jdbc.queryForList("SELECT name_key FROM child_name_key WHERE child_id = ?", String.class, childId))
                .containsExactlyInAnyOrderElementsOf(ChildNames.storedKeys(first, last)).anyMatch(k -> k.startsWith("2:"));

        String otherLast = "Nyx" + surname().substring(4);
        String earlier = record("worker.north", first, otherLast, TestTime.bornYearsAgo(8).toString(), "B23 6AB", NhsNumbers.next(), null);
        long earlierId = jdbc.queryForObject("SELECT child_id FROM care_case WHERE case_ref = ?", Long.class, earlier);
        jdbc.update("DELETE FROM child_name_key WHERE child_id = ? AND name_key LIKE '2:%'", earlierId);
        assertThat(search("worker.north", "q=" + first + " " + otherLast)).isEmpty();
        try (java.sql.Connection connection = jdbc.getDataSource().getConnection()) {
            new ChildNamePairKeysMigration().migrate(new org.flywaydb.core.api.migration.Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return null;
                }

                @Override
                public java.sql.Connection getConnection() {
                    return connection;
                }
            });
        }
        assertThat(jdbc.queryForList("SELECT name_key FROM child_name_key WHERE child_id = ?", String.class, earlierId))
                .containsExactlyInAnyOrderElementsOf(ChildNames.storedKeys(first, otherLast));

        assertThat(search("worker.north", "q=" + last + " " + first)).extracting(f -> ((Number) f.get("childId")).longValue())
                .containsExactly(childId);
        assertThat(search("worker.north", "q=" + first.substring(0, 3) + " " + first + "&dob=" + TestTime.bornYearsAgo(8)))
                .extracting(f -> f.get("lastName")).containsExactly(otherLast);
    }
}
