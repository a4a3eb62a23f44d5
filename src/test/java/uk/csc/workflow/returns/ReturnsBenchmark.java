package uk.csc.workflow.returns;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.csc.workflow.codes.CollectionYear;

/**
 * Benchmark, not a test: a synthetic city of 10,000 children (three years of referrals, assessments,
 * s47 enquiries, child protection and child in need plans, periods of care with their episodes and
 * reviews, allocations) on durable PostgreSQL 17, then the time to read the facts and produce each
 * return with its validation. Prints the sizes and the timings (median of 5 after 2 warm-ups).
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) uk.csc.workflow.returns.ReturnsBenchmark [children]
 * </pre>
 */
public final class ReturnsBenchmark {

    private static final String[] PLACES = {"U1", "U4", "U4", "U5", "U6", "K2", "U3", "P1"};
    private static final String[] SOURCES = {"1A", "2A", "3A", "5A", "6", "8"};

    private ReturnsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int children = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start()) {
            var ds = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            long seedStart = System.nanoTime();
            seed(jdbc, children);
            jdbc.execute("ANALYZE");
            System.out.printf("Seeded %d children in %.1f s: %d cases, %d episodes, %d reviews, %d plans%n", children,
                    (System.nanoTime() - seedStart) / 1e9, count(jdbc, "care_case"), count(jdbc, "looked_after_episode"),
                    count(jdbc, "looked_after_review"), count(jdbc, "child_plan"));
            ReturnFactsRepository repository = new ReturnFactsRepository(JdbcClient.create(ds));
            CollectionYear year = new CollectionYear(2025);
            LocalDate today = LocalDate.parse("2026-12-01");
            time("read the facts", () -> repository.load(year.start(), year.end()).children().size());
            time("SSDA903 2025-26 (read, tables, zip, validation)", () -> {
                ReturnFacts f = repository.load(year.start(), year.end());
                var tables = Ssda903Return.build(f, year);
                Table.zip(Ssda903Return.inOrder(tables), java.time.Instant.EPOCH);
                ReturnValidation.ssda903(f, year, today, d -> d.plusDays(28));
                return tables.get("Episodes").rows().size();
            });
            time("CIN census 2025-26 (read, XML, schema check, validation)", () -> {
                ReturnFacts f = repository.load(year.start(), year.end());
                String xml = CinCensusReturn.build(f, year, "330", Instant.parse("2026-12-01T10:00:00Z"), d -> d.plusDays(21));
                int problems = CinCensusReturn.schemaProblems(xml, year).size();
                ReturnValidation.cinCensus(f, year, today);
                return xml.length() / 1024 + problems;
            });
            time("Annex A as at 2026-03-31, 12 months (read, lists, xlsx)", () -> {
                LocalDate asAt = LocalDate.parse("2026-03-31");
                ReturnFacts f = repository.load(asAt.minusMonths(12), asAt);
                var lists = AnnexAReturn.build(f, asAt, asAt.minusMonths(12).plusDays(1));
                return AnnexAReturn.xlsx(lists, asAt, asAt.minusMonths(12).plusDays(1), java.time.Instant.EPOCH).length / 1024;
            });
        }
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static void time(String what, Supplier<Integer> run) {
        for (int i = 0; i < 2; i++) {
            run.get();
        }
        List<Double> millis = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            size = run.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        java.util.Collections.sort(millis);
        System.out.printf("%-60s median %7.0f ms (min %.0f, max %.0f), size %d%n", what, millis.get(2), millis.get(0), millis.get(4), size);
    }

    /** Three years of a city, with ids assigned here so the rows are written in batches. */
    private static void seed(JdbcTemplate jdbc, int children) {
        Random random = new Random(42);
        Timestamp at = Timestamp.from(Instant.parse("2026-04-02T09:00:00Z"));
        List<Object[]> child = new ArrayList<>();
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> contacts = new ArrayList<>();
        List<Object[]> assessments = new ArrayList<>();
        List<Object[]> allocations = new ArrayList<>();
        List<Object[]> enquiries = new ArrayList<>();
        List<Object[]> plans = new ArrayList<>();
        List<Object[]> periods = new ArrayList<>();
        List<Object[]> episodes = new ArrayList<>();
        List<Object[]> reviews = new ArrayList<>();
        long episodeId = 0;
        long planId = 0;
        long reviewId = 0;
        LocalDate first = LocalDate.parse("2023-04-01");
        for (int i = 1; i <= children; i++) {
            LocalDate referral = first.plusDays(random.nextInt(1000));
            LocalDate born = referral.minusDays(365L + random.nextInt(16 * 365));
            child.add(new Object[] {i, "Child", "N" + i, Date.valueOf(born), random.nextBoolean() ? "M" : "F", "WBRI", "B1 1AA", at});
            String team = random.nextBoolean() ? "team-north" : "team-south";
            String worker = "worker." + random.nextInt(60);
            boolean closed = random.nextInt(3) == 0;
            cases.add(new Object[] {i, "BEN-" + i, i, team, worker, Date.valueOf(referral), Date.valueOf(referral),
                    closed ? "CLOSED" : "CHILD_IN_NEED", closed ? "STEPPED_DOWN_TO_EARLY_HELP" : null,
                    closed ? Timestamp.from(referral.plusDays(60).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)) : null, at});
            contacts.add(new Object[] {i, i, at, Date.valueOf(referral), SOURCES[random.nextInt(SOURCES.length)], team});
            assessments.add(new Object[] {i, i, Date.valueOf(referral.plusDays(1)), Date.valueOf(referral.plusDays(46)),
                    Date.valueOf(referral.plusDays(20 + random.nextInt(30))), "N" + (1 + random.nextInt(8))});
            allocations.add(new Object[] {i, team, worker, Timestamp.from(referral.atStartOfDay().toInstant(java.time.ZoneOffset.UTC))});
            int kind = random.nextInt(100);
            if (kind < 15) {
                LocalDate strategy = referral.plusDays(5);
                LocalDate conference = strategy.plusDays(14);
                enquiries.add(new Object[] {i, i, Date.valueOf(strategy), Date.valueOf(conference), Date.valueOf(conference)});
                plans.add(new Object[] {++planId, "CP", i, i, "INITIAL_CONFERENCE", Date.valueOf(conference),
                        random.nextBoolean() ? Date.valueOf(conference.plusDays(200)) : null, "NEG", 1, at});
            } else if (kind < 50) {
                plans.add(new Object[] {++planId, "CIN", i, i, "REFERRAL_ROUTE", Date.valueOf(referral.plusDays(30)), null, null, null, at});
            }
            if (kind >= 80) {
                LocalDate start = referral.plusDays(30);
                periods.add(new Object[] {i, i, i, Date.valueOf(start)});
                int count = 1 + random.nextInt(4);
                LocalDate on = start;
                for (int e = 0; e < count; e++) {
                    LocalDate next = on.plusDays(60 + random.nextInt(200));
                    boolean last = e == count - 1;
                    episodes.add(new Object[] {++episodeId, i, i, Date.valueOf(on), e == 0 ? "S" : "P", "C2",
                            PLACES[random.nextInt(PLACES.length)], "PR1", last ? null : Date.valueOf(next), last ? null : "X1", at});
                    on = next;
                }
                LocalDate review = start.plusDays(20);
                for (int r = 1; r <= 4; r++) {
                    reviews.add(new Object[] {++reviewId, i, i, r, Date.valueOf(review), Date.valueOf(review), Date.valueOf(review),
                            Date.valueOf(review), "PN1"});
                    review = review.plusMonths(r == 1 ? 3 : 6);
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO child (id, first_name, last_name, date_of_birth, sex, ethnicity, postcode, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", child);
        jdbc.batchUpdate("INSERT INTO care_case (id, case_ref, child_id, team, worker, referral_date, received_on, stage, outcome, closed_at, "
                + "profile, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WT2010', ?)", cases);
        jdbc.batchUpdate("INSERT INTO contact (id, case_id, received_at, received_on, referral_source, concerns, concern_level, immediate_risk, "
                + "dv_notification, consent, routed_team, team_overridden, recorded_by, decision) "
                + "VALUES (?, ?, ?, ?, ?, 'Concerns', 'MEDIUM', FALSE, FALSE, TRUE, ?, FALSE, 'bench', 'ACCEPT_REFERRAL')", contacts);
        jdbc.batchUpdate("INSERT INTO assessment (id, case_id, kind, started_on, due_on, authorised_on, category_of_need) "
                + "VALUES (?, ?, 'SINGLE', ?, ?, ?, ?)", assessments);
        jdbc.batchUpdate("INSERT INTO allocation (case_id, team, worker, allocated_by, allocated_at) VALUES (?, ?, ?, 'bench', ?)", allocations);
        jdbc.batchUpdate("INSERT INTO child_protection_enquiry (id, case_id, strategy_held_on, strategy_attendees, strategy_decision, "
                + "s47_concluded_on, s47_outcome, conference_held_on, conference_outcome, recorded_by) "
                + "VALUES (?, ?, ?, 'Police', 'START_S47', ?, 'CONCERNS_SUBSTANTIATED', ?, 'CP_PLAN', 'bench')", enquiries);
        jdbc.batchUpdate("INSERT INTO child_plan (id, kind, case_id, child_id, source, started_on, ended_on, category, plan_number, "
                + "started_by, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)", plans);
        jdbc.batchUpdate("INSERT INTO looked_after_period (id, case_id, child_id, started_on, started_by) VALUES (?, ?, ?, ?, 'bench')", periods);
        jdbc.batchUpdate("INSERT INTO looked_after_episode (id, period_id, case_id, started_on, reason_new_episode, legal_status, "
                + "placement_type, placement_provider, ended_on, reason_ceased, recorded_by, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)", episodes);
        jdbc.batchUpdate("INSERT INTO looked_after_review (id, period_id, case_id, sequence_number, rule, counted_from, due_on, held_on, "
                + "planned_for, participation) VALUES (?, ?, ?, ?, 'LAC_REVIEW_NEXT', ?, ?, ?, ?, ?)", reviews);
    }
}
