package uk.csc.workflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import bench.bare.BareEngineApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.Application;
import uk.csc.workflow.demo.DemoCitySeeded;
import uk.csc.workflow.platform.time.EngineClock;

/**
 * P2, a city's year replayed through the real processes: the demo city's replay (the real front
 * door, every task done through the engine with the outcomes a city sees, some late, their
 * escalations raised by the replay's timer jobs at the replayed time) with its contacts multiplied
 * by {@code bench.cityScale}, on durable PostgreSQL. Beside it, in the same run, the bare engine
 * does the same number of task completions and timer jobs, one after another as the replay does.
 *
 * <pre>
 * mvn -B -Pbench test -Dtest=CityYearBenchmark -Dbench.cityScale=30   # writes target/bench/city-year.md
 * </pre>
 *
 * Scale 1 is the demo city (about 330 contacts a year); a large English city's 50,000 contacts a
 * year is scale 150.
 */
class CityYearBenchmark {

    static final int SCALE = Integer.getInteger("bench.cityScale", 10);
    static final int DAYS = Integer.getInteger("bench.cityDays", 365);
    static final int TIMEOUT_MINUTES = Integer.getInteger("bench.cityTimeoutMinutes", 240);

    private final RouteBenchmark.Report report = new RouteBenchmark.Report();

    @Test
    void replayACityYear() throws Exception {
        EngineClock.unpin();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100").start()) {
            JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
            admin.execute("CREATE DATABASE csc");
            admin.execute("CREATE DATABASE bare");
            report.section("P2 A city's year through the real processes");
            report.line("Durable PostgreSQL: fsync " + admin.queryForObject("SHOW fsync", String.class) + ", synchronous_commit "
                    + admin.queryForObject("SHOW synchronous_commit", String.class) + "; " + Runtime.getRuntime().availableProcessors()
                    + " cores; " + DAYS + " days replayed at " + SCALE + " times the demo city's contacts (150 is a large city's year).");
            DemoCitySeeded city = replay(postgres.getJdbcUrl("postgres", "csc").replace("/postgres?", "/csc?"), admin);
            bare(postgres.getJdbcUrl("postgres", "bare").replace("/postgres?", "/bare?"), admin, city);
        } finally {
            report.write(Path.of("target", "bench", "city-year.md"));
        }
    }

    private DemoCitySeeded replay(String jdbcUrl, JdbcTemplate admin) throws Exception {
        CountDownLatch seeded = new CountDownLatch(1);
        AtomicReference<DemoCitySeeded> result = new AtomicReference<>();
        SpringApplication app = new SpringApplication(Application.class);
        app.addListeners(ApplicationListener.<DemoCitySeeded>forPayload(event -> {
            result.set(event);
            seeded.countDown();
        }));
        long started = System.nanoTime();
        try (ConfigurableApplicationContext product = app.run("--spring.profiles.active=demo", "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--csc.demo.city-days=" + DAYS, "--csc.demo.city-scale=" + SCALE,
                "--logging.level.root=warn", "--logging.level.uk.csc.workflow.demo=info")) {
            report.line("Product node started in " + (System.nanoTime() - started) / 1_000_000 + " ms.");
            assertThat(seeded.await(TIMEOUT_MINUTES, TimeUnit.MINUTES)).as("the city's year replayed within " + TIMEOUT_MINUTES + " minutes")
                    .isTrue();
            DemoCitySeeded city = result.get();
            JdbcTemplate db = product.getBean(JdbcTemplate.class);
            Map<String, Long> mix = new LinkedHashMap<>();
            mix.put("contacts recorded", count(db, "SELECT count(*) FROM contact"));
            mix.put("cases", count(db, "SELECT count(*) FROM care_case"));
            mix.put("assessments", count(db, "SELECT count(*) FROM assessment"));
            mix.put("assessments authorised late", count(db, "SELECT count(*) FROM assessment WHERE authorised_on > due_on"));
            mix.put("child in need plans", count(db, "SELECT count(*) FROM child_plan WHERE kind = 'CIN'"));
            mix.put("child protection plans", count(db, "SELECT count(*) FROM child_plan WHERE kind = 'CP'"));
            mix.put("Family Help plans", count(db, "SELECT count(*) FROM child_plan WHERE kind = 'FH'"));
            mix.put("child protection reviews held", count(db, """
                    SELECT count(*) FROM plan_item i JOIN child_plan p ON p.id = i.plan_id
                    WHERE p.kind = 'CP' AND i.kind = 'REVIEW' AND i.done_on IS NOT NULL"""));
            mix.put("plan visits made", count(db, "SELECT count(*) FROM plan_item WHERE kind = 'VISIT' AND done_on IS NOT NULL"));
            mix.put("panel decisions", count(db, "SELECT count(*) FROM panel_decision"));
            mix.put("periods of care", count(db, "SELECT count(*) FROM looked_after_period"));
            mix.put("looked-after reviews", count(db, "SELECT count(*) FROM looked_after_review"));
            mix.put("looked-after visits", count(db, "SELECT count(*) FROM looked_after_visit"));
            mix.put("statutory deadlines", count(db, "SELECT count(*) FROM statutory_deadline"));
            mix.put("escalations raised (late work)", count(db, "SELECT count(*) FROM escalation"));
            mix.put("open user tasks at the end", count(db, "SELECT count(*) FROM act_ru_task"));
            mix.put("process instances started", count(db, "SELECT count(*) FROM act_hi_procinst"));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"contacts received by the replay", String.valueOf(city.contacts())});
            rows.add(new String[] {"user tasks completed", String.valueOf(city.tasksDone())});
            rows.add(new String[] {"jobs run (timers, escalation steps)", String.valueOf(city.jobsRun())});
            mix.forEach((k, v) -> rows.add(new String[] {k, String.valueOf(v)}));
            report.table(List.of("the year's work", "count"), rows);
            report.line("Replay wall time: " + city.seconds() + " s (" + RouteBenchmark.f(city.seconds() * 1000.0 / Math.max(1, city.tasksDone()))
                    + " ms per task completion, everything else the year did included).");
            sizes(admin, "csc", "Product");
            return city;
        }
    }

    private void bare(String jdbcUrl, JdbcTemplate admin, DemoCitySeeded city) throws Exception {
        try (ConfigurableApplicationContext bare = BareEngineApp.start(jdbcUrl)) {
            ProcessEngine engine = bare.getBean(ProcessEngine.class);
            // The replay runs its own jobs, one after another; so does the bare engine here.
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().shutdown();
            engine.getRepositoryService().createDeployment().name("bare").addClasspathResource("bench/bareTask.bpmn")
                    .addClasspathResource("bench/bareTimer.bpmn").deploy();
            RuntimeService runtime = engine.getRuntimeService();
            TaskService tasks = engine.getTaskService();
            ManagementService management = engine.getManagementService();
            long started = System.nanoTime();
            for (int i = 0; i < city.tasksDone(); i++) {
                String instance = runtime.startProcessInstanceByKey("bareTask").getId();
                tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
            }
            long completions = System.nanoTime() - started;
            // Already due by the engine's own clock, as the replay's timers are when it runs them.
            Map<String, Object> due = Map.of("due", java.util.Date.from(ClockUtil.getCurrentTime().toInstant().minusSeconds(60)));
            long timersStarted = System.nanoTime();
            for (int i = 0; i < city.jobsRun(); i++) {
                String instance = runtime.startProcessInstanceByKey("bareTimer", due).getId();
                Job job = management.createJobQuery().processInstanceId(instance).singleResult();
                management.executeJob(job.getId());
            }
            long timers = System.nanoTime() - timersStarted;
            double bareSeconds = (completions + timers) / 1e9;
            report.line("");
            report.line("Bare engine, the same work one step after another: " + city.tasksDone() + " one-task processes started and"
                    + " completed in " + RouteBenchmark.f(completions / 1e9) + " s, " + city.jobsRun() + " timer processes started and"
                    + " their jobs run in " + RouteBenchmark.f(timers / 1e9) + " s: " + RouteBenchmark.f(bareSeconds) + " s in all.");
            double ratio = city.seconds() / Math.max(0.001, bareSeconds);
            report.line("Ratio of wall times, product over bare engine: **" + RouteBenchmark.f(ratio) + "x**.");
            report.chart("Wall time in seconds", new LinkedHashMap<>(Map.of("product: the city's year", (double) city.seconds(),
                    "bare: same completions and jobs", bareSeconds)));
            double perContact = city.seconds() / (double) Math.max(1, city.contacts());
            report.line("At this rate one node replays a year of 50,000 contacts in about "
                    + RouteBenchmark.f(perContact * 50_000 / 3600) + " hours (linear in contacts; one replay thread).");
            sizes(admin, "bare", "Bare engine");
        }
    }

    private void sizes(JdbcTemplate admin, String database, String who) {
        long bytes = admin.queryForObject("SELECT pg_database_size(?)", Long.class, database);
        report.line(who + " database after the year: " + RouteBenchmark.f(bytes / 1024.0 / 1024.0) + " MB.");
    }

    private static long count(JdbcTemplate db, String sql) {
        Long n = db.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
