package uk.csc.workflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.SqlArrayValue;

import uk.csc.workflow.bench.RouteBenchmark.Report;
import uk.csc.workflow.bench.RouteBenchmark.Series;
import uk.csc.workflow.casefile.ChildNames;
import uk.csc.workflow.performance.IndicatorProbe;
import uk.csc.workflow.platform.time.EngineClock;
import uk.csc.workflow.returns.ReturnPeriod;
import uk.csc.workflow.support.ClusterNode;

/**
 * P3 of issue 14 (not part of the test run): {@code mvn -B -Pbench test -Dtest=HistoryScaleBenchmark}.
 * A large city's history ({@link CityHistory}) on durable PostgreSQL (fsync and synchronous_commit
 * on, pg_stat_statements loaded), grown in one database from 1 to 3 to 10 years; at each size the
 * queries a manager or a performance officer makes, through the product's HTTP API with Basic
 * authentication (every indicator over the last year, the case file and the chronology of the child
 * with the longest history, the search by name and by NHS number, SSDA903, the CIN census and Annex
 * A for the last collection year), and each indicator's own SQL as {@link uk.csc.workflow.performance.IndicatorService}
 * sends it. Medians and 95th percentiles, the costliest statements of each query (pg_stat_statements)
 * and the plans ({@code EXPLAIN (ANALYZE, BUFFERS)}) of the heaviest. Writes {@code bench/P3.md}
 * (and {@code target/bench/p3.md}). {@code -Dbench.reps} repetitions per query (default 7; returns
 * at most 3), {@code -Dbench.years} the sizes (default {@code 1,3,10}).
 */
class HistoryScaleBenchmark {

    static final int REPS = Integer.getInteger("bench.reps", 7);
    static final int RETURN_REPS = Math.min(3, REPS);
    static final String FROM = CityHistory.NEWEST_YEAR_START.toString();
    /** A child of the newest year only (case n = 141: a referral that goes into care), the same at every size. */
    static final long RECENT_CHILD = 141;
    static final String TO = CityHistory.NEWEST_YEAR_START.plusYears(1).minusDays(1).toString();

    private final Report report = new Report();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, Map<Integer, Series>> results = new LinkedHashMap<>();
    private final Map<String, String> explained = new LinkedHashMap<>();
    private EmbeddedPostgres postgres;
    private JdbcTemplate admin;
    private JdbcTemplate csc;
    private NamedParameterJdbcTemplate named;
    private ClusterNode product;
    private String base;
    private int[] sizes;

    @Test
    void run() throws Exception {
        EngineClock.pin(CityHistory.TODAY.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant());
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements").setServerConfig("pg_stat_statements.track", "top")
                .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "256MB").setServerConfig("max_wal_size", "4GB").start();
        admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("CREATE DATABASE csc");
        String url = postgres.getJdbcUrl("postgres", "csc").replace("/postgres?", "/csc?");
        long t0 = System.nanoTime();
        try {
            product = ClusterNode.start("bench", url, Map.of("logging.level.uk.csc", "warn"));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        base = "http://localhost:" + product.port();
        SingleConnectionDataSource one = new SingleConnectionDataSource(url, "postgres", "", true);
        csc = new JdbcTemplate(one);
        named = new NamedParameterJdbcTemplate(csc);
        csc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        report.section("P3 Queries over 1, 3 and 10 years of a large city's history");
        report.line("Durable PostgreSQL " + csc.queryForObject("SHOW server_version", String.class) + ": fsync "
                + csc.queryForObject("SHOW fsync", String.class) + ", synchronous_commit " + csc.queryForObject("SHOW synchronous_commit",
                String.class) + ", shared_buffers " + csc.queryForObject("SHOW shared_buffers", String.class) + "; "
                + Runtime.getRuntime().availableProcessors() + " cores (shared); the product's Flyway schema applied by one product node "
                + "(started in " + ms(t0) + " ms, clock pinned to " + CityHistory.TODAY + ").");
        report.line("");
        report.line("The history (`CityHistory`, set-based SQL straight into the product's tables, in the shape the processes leave it): "
                + "per collection year 50,000 contacts, each with its case and statutory clock; 15,000 referrals with screening, "
                + "allocation, a single assessment (85% on time), its clock and the escalations of the late ones (reminder, team manager, "
                + "service manager), four case notes; 3,000 section 47 enquiries; 1,000 child protection plans (review conferences, "
                + "core groups, visits every 14 days); 4,000 child in need plans (reviews, visits); about 715 children coming into care "
                + "(periods of 30 days to 6 years, SSDA903 episodes with a placement change about every 300 days, placements, "
                + "regulation 33 reviews, regulation 28 visits, school absence, OC2 outcomes, missing episodes, care leavers), so about "
                + "2,000 are in care on a day once the history is long enough. Years are added backwards from 2026-27: the last year, "
                + "the one every query asks about, is the same at each size, and only the history behind it grows. No engine rows: "
                + "none of the measured queries reads the engine's tables. Child 1 has two cases a year (a referral that goes into "
                + "care, one that goes onto a child protection plan): the long history whose case file and chronology are timed.");
        report.line("");
        report.line("Each query through the product's HTTP API with Basic authentication (`service.manager` for indicators, case file, "
                + "chronology and search; `performance.officer` for the returns), " + REPS + " timed runs after one warm-up ("
                + RETURN_REPS + " for each return); each indicator also alone, as IndicatorService sends its SQL (JDBC, same database). "
                + "Times in ms.");
        CityHistory history = new CityHistory(csc);
        history.prepareNames();
        sizes = java.util.Arrays.stream(System.getProperty("bench.years", "1,3,10").split(",")).mapToInt(Integer::parseInt).toArray();
        int built = 0;
        List<String[]> growth = new ArrayList<>();
        try {
            for (int size : sizes) {
                t0 = System.nanoTime();
                for (int k = built; k < size; k++) {
                    history.generateYear(k);
                }
                history.finish();
                long generated = ms(t0);
                built = size;
                growth.add(new String[] {size + " year(s)", f(generated / 1000.0) + " s", count("care_case"), count("contact"),
                        count("assessment"), count("child_plan"), count("plan_item"), count("looked_after_period"),
                        count("looked_after_review"), count("escalation"), count("case_note"),
                        csc.queryForObject("SELECT pg_size_pretty(pg_database_size('csc'))", String.class)});
                report.line("");
                report.line("Built " + size + " year(s) in " + f(generated / 1000.0) + " s; measuring.");
                measure(size);
            }
        } finally {
            report.section("P3 history sizes");
            report.table(List.of("history", "generated in", "cases", "contacts", "assessments", "plans", "plan items", "periods of care",
                    "LA reviews", "escalations", "case notes", "database"), growth);
            summary(sizes);
            plans();
            report.write(Path.of("target", "bench", "p3.md"));
            report.write(Path.of("bench", "P3.md"));
            product.close();
            postgres.close();
            EngineClock.unpin();
        }
    }

    // ---------------------------------------------------------------- the queries

    private void measure(int size) throws Exception {
        String manager = "service.manager";
        String officer = "performance.officer";
        String longCase = csc.queryForObject("SELECT case_ref FROM care_case WHERE child_id = ? ORDER BY opened_at DESC LIMIT 1",
                String.class, CityHistory.LONG_HISTORY_CHILD);
        Map<String, Object> longChild = csc.queryForMap("SELECT first_name, last_name, nhs_number FROM child WHERE id = ?",
                CityHistory.LONG_HISTORY_CHILD);
        String name = longChild.get("first_name") + " " + longChild.get("last_name");
        time(size, "indicators (all 13, city)", REPS, () -> get(manager, "/api/performance/indicators?from=" + FROM + "&to=" + TO));
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", LocalDate.parse(FROM))
                .addValue("to", LocalDate.parse(TO)).addValue("yearBefore", LocalDate.parse(TO).minusYears(1))
                .addValue("today", CityHistory.TODAY);
        for (Map.Entry<String, String> indicator : IndicatorProbe.citySql().entrySet()) {
            time(size, "indicator " + indicator.getKey(), REPS, () -> named.queryForList(indicator.getValue(), params).size());
            explain(size, "indicator " + indicator.getKey(), indicator.getValue(), params);
        }
        String ref = longCase;
        List<Long> longCases = csc.queryForList("SELECT id FROM care_case WHERE child_id = ?", Long.class, CityHistory.LONG_HISTORY_CHILD);
        time(size, "case file (child 1's newest case)", REPS, () -> get(manager, "/api/cases/" + ref + "/file"));
        report.line("Child 1 at " + size + " year(s): " + longCases.size() + " cases.");
        time(size, "chronology (child 1, every case)", REPS, () -> get(manager, "/api/cases/" + ref + "/chronology"));
        String recent = csc.queryForObject("SELECT case_ref FROM care_case WHERE child_id = ?", String.class, RECENT_CHILD);
        time(size, "case file (a child in care from the last year)", REPS, () -> get(manager, "/api/cases/" + recent + "/file"));
        time(size, "chronology (a child in care from the last year)", REPS, () -> get(manager, "/api/cases/" + recent + "/chronology"));
        time(size, "search by name (\"" + name + "\")", REPS,
                () -> get(manager, "/api/children/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
        String found = body(manager, "/api/children/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        report.line("Search by name at " + size + " year(s): child 1 " + (found.contains("\"childId\":1,") ? "found" : "NOT found")
                + " among " + (found.split("\"childId\":", -1).length - 1) + " children answered.");
        time(size, "search by NHS number (child 1)", REPS, () -> get(manager, "/api/children/search?nhs=" + longChild.get("nhs_number")));
        time(size, "search by NHS number (a child from the last year)", REPS,
                () -> get(manager, "/api/children/search?nhs=" + (9_000_000_000L + RECENT_CHILD)));
        time(size, "SSDA903 2026-27 (zip)", RETURN_REPS, () -> get(officer, "/api/returns/ssda903?year=2026"));
        time(size, "CIN census 2026-27 (XML)", RETURN_REPS, () -> get(officer, "/api/returns/cin-census?year=2026"));
        time(size, "Annex A as at " + TO + " (12 months, xlsx)", RETURN_REPS,
                () -> get(officer, "/api/returns/annex-a?asAt=" + TO + "&lookBackMonths=12"));
        // The plans of the heaviest statements of the case file, chronology, search and returns (pg_stat_statements above).
        String ids = longCases.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("0");
        explain(size, "chronology: escalations of child 1's cases",
                "SELECT * FROM escalation WHERE case_id IN (" + ids + ") AND level <> 'REMINDER'", params);
        explain(size, "chronology: duplicate checks of child 1's cases",
                "SELECT case_id, decided_at FROM child_match_decision WHERE case_id IN (" + ids + ")", params);
        explain(size, "chronology: contacts of child 1's cases", "SELECT * FROM contact WHERE case_id IN (" + ids + ")", params);
        // The search's narrowing as ChildSearch sends it: the pair keys of the two names (ChildNames.searchConditions).
        List<java.util.Set<String>> conditions = ChildNames.searchConditions(name);
        StringBuilder search = new StringBuilder("SELECT * FROM child ch WHERE 1 = 1");
        MapSqlParameterSource keys = new MapSqlParameterSource();
        for (int i = 0; i < conditions.size(); i++) {
            search.append(" AND ch.id IN (SELECT k.child_id FROM child_name_key k WHERE k.name_key IN (:keys").append(i).append("))");
            keys.addValue("keys" + i, conditions.get(i));
        }
        explain(size, "search by name: the candidates", search + " ORDER BY ch.id DESC LIMIT 1000", keys);
        // ReturnFactsRepository's costliest statements: the cases of the children of the period (CHILDREN_OF_THE_PERIOD),
        // found once and handed on as an array, and a table read by those cases' ids.
        MapSqlParameterSource period = new MapSqlParameterSource().addValue("from", LocalDate.parse(FROM))
                .addValue("dayBefore", LocalDate.parse(FROM).minusDays(1));
        List<Long> children = named.queryForList(ReturnPeriod.CHILDREN_OF_THE_PERIOD, period, Long.class);
        MapSqlParameterSource ofChildren = new MapSqlParameterSource("children", new SqlArrayValue("bigint", children.stream().sorted().toArray()));
        explain(size, "returns: the children of the period", ReturnPeriod.CHILDREN_OF_THE_PERIOD, period);
        explain(size, "returns: the cases of the children of the period, with their first contact", """
                SELECT c.id, c.case_ref, c.child_id, c.team, c.worker, c.received_on, c.referral_date, c.stage, c.outcome, c.closed_at,
                       (SELECT MIN(t.referral_source) FROM contact t WHERE t.case_id = c.id
                          AND t.received_on = (SELECT MIN(t2.received_on) FROM contact t2 WHERE t2.case_id = c.id)) AS referral_source,
                       (SELECT MIN(t.decision) FROM contact t WHERE t.case_id = c.id) AS decision
                FROM care_case c WHERE c.child_id = ANY(:children)""", ofChildren);
        List<Long> cases = named.queryForList("SELECT id FROM care_case WHERE child_id = ANY(:children) ORDER BY id", ofChildren, Long.class);
        explain(size, "returns: the plans' reviews of those cases", """
                SELECT plan_id, done_on FROM plan_item WHERE kind = 'REVIEW' AND done_on IS NOT NULL AND case_id = ANY(:cases)
                ORDER BY plan_id, done_on""", new MapSqlParameterSource("cases", new SqlArrayValue("bigint", cases.toArray())));
    }

    private String body(String user, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private int get(String user, String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8)
                .substring(0, Math.min(300, response.body().length))).isEqualTo(200);
        return response.body().length;
    }

    private void time(int size, String query, int reps, Callable<Integer> call) throws Exception {
        int answer = call.call();
        csc.queryForList("SELECT pg_stat_statements_reset()");
        Series s = new Series();
        long wall = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            call.call();
            s.add(System.nanoTime() - t);
        }
        s.wall = System.nanoTime() - wall;
        results.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(size, s);
        answers.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(size, answer);
        List<Map<String, Object>> top = csc.queryForList("""
                SELECT round(total_exec_time::numeric / ?, 1) AS ms, calls / ? AS calls, shared_blks_hit / ? AS hit,
                       shared_blks_read / ? AS read, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = 'csc' AND query NOT LIKE '%pg_stat_statements%'
                ORDER BY total_exec_time DESC LIMIT 3""", reps, reps, reps, reps);
        Long blocks = csc.queryForObject("""
                SELECT COALESCE(SUM(shared_blks_hit + shared_blks_read), 0) / ? FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = 'csc' AND query NOT LIKE '%pg_stat_statements%'""", Long.class, reps);
        buffers.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(size, blocks);
        StringBuilder heaviest = new StringBuilder();
        for (Map<String, Object> row : top) {
            heaviest.append(String.format(Locale.ROOT, "%s ms x%s (%s hit, %s read): %s; ", row.get("ms"), row.get("calls"),
                    row.get("hit"), row.get("read"), row.get("query")));
        }
        System.out.printf(Locale.ROOT, "%d y | %-45s | median %8.1f ms | p95 %8.1f ms | %d bytes | %s%n", size, query, s.median(),
                s.p95(), answer, heaviest);
        heaviestBySize.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(size, heaviest.toString());
    }

    private final Map<String, Map<Integer, String>> heaviestBySize = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Integer>> answers = new LinkedHashMap<>();
    private final Map<String, Map<Integer, Long>> buffers = new LinkedHashMap<>();

    private void explain(int size, String what, String sql, MapSqlParameterSource params) {
        if (size != sizes[0] && size != sizes[sizes.length - 1]) {
            return;
        }
        List<String> lines = named.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + sql, params, String.class);
        // An array of tens of thousands of ids in a plan's conditions, shortened to its count.
        String plan = java.util.regex.Pattern.compile("'\\{[0-9,]{60,}\\}'").matcher(String.join("\n", lines))
                .replaceAll(m -> "'{" + m.group().split(",").length + " ids}'");
        explained.put(what + " — " + size + " year(s)", plan);
    }

    // ---------------------------------------------------------------- the report

    private void summary(int[] sizes) {
        int first = sizes[0];
        int last = sizes[sizes.length - 1];
        report.section("P3 time per query at each size");
        List<String> header = new ArrayList<>(List.of("query"));
        for (int size : sizes) {
            header.add(size + " y median");
            header.add(size + " y p95");
        }
        header.add("answer bytes (" + first + " y / " + last + " y)");
        header.add("buffers per call (" + first + " y / " + last + " y)");
        header.add(last + " y / " + first + " y (median)");
        header.add("target");
        List<String[]> rows = new ArrayList<>();
        for (var entry : results.entrySet()) {
            List<String> row = new ArrayList<>(List.of(entry.getKey()));
            for (int size : sizes) {
                Series s = entry.getValue().get(size);
                row.add(s == null ? "" : f(s.median()));
                row.add(s == null ? "" : f(s.p95()));
            }
            Series a = entry.getValue().get(first);
            Series b = entry.getValue().get(last);
            double ratio = a == null || b == null ? Double.NaN : b.median() / a.median();
            Map<Integer, Integer> bytes = answers.get(entry.getKey());
            row.add(entry.getKey().startsWith("indicator ") ? "" : String.format(Locale.ROOT, "%,d / %,d", bytes.get(first), bytes.get(last)));
            Map<Integer, Long> blocks = buffers.get(entry.getKey());
            row.add(String.format(Locale.ROOT, "%,d / %,d", blocks.get(first), blocks.get(last)));
            row.add(f(ratio) + "x");
            boolean indicator = entry.getKey().startsWith("indicator");
            boolean met = ratio <= 2.0 && (!indicator || b == null || b.median() < 1000);
            row.add(met ? "met" : "MISSED");
            rows.add(row.toArray(String[]::new));
        }
        report.table(header, rows);
        report.line("Buffers: the shared buffers (8 kB pages, hit or read) all of the query's SQL touched per call "
                + "(pg_stat_statements): the work done, which the machine's noise does not change.");
        report.line("Target: " + last + "x the history costs at most 2x the time; every indicator under 1 s at " + last + " years.");
        for (var entry : results.entrySet()) {
            Map<String, Double> bars = new LinkedHashMap<>();
            entry.getValue().forEach((size, s) -> bars.put(size + " year(s)", s.median()));
            report.chart(entry.getKey() + ", median ms", bars);
        }
        report.section("P3 the costliest statements of each query (pg_stat_statements, per call of the query)");
        report.line("Per timed call: the statement's execution ms, its calls, shared buffers hit and read; the three costliest.");
        List<String[]> top = new ArrayList<>();
        heaviestBySize.forEach((query, bySize) -> bySize.forEach((size, text) ->
                top.add(new String[] {query, String.valueOf(size), text.replace("|", "\\|")})));
        report.table(List.of("query", "years", "costliest statements"), top);
    }

    private void plans() {
        report.section("P3 query plans (EXPLAIN (ANALYZE, BUFFERS))");
        explained.forEach((what, plan) -> {
            report.line("**" + what + "**");
            report.line("");
            report.line("```");
            report.line(plan);
            report.line("```");
        });
    }

    private String count(String table) {
        return String.format(Locale.ROOT, "%,d", csc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static String f(double v) {
        return RouteBenchmark.f(v);
    }
}
