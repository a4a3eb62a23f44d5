package uk.csc.workflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import bench.bare.BareEngineApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.time.EngineClock;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.ReferralToAssessmentModel.Tasks;
import uk.csc.workflow.referral.process.FrontDoor;
import uk.csc.workflow.support.ClusterNode;
import uk.csc.workflow.support.NhsNumbers;

/**
 * The benchmark suite (not part of the test run: {@code mvn -B -Pbench test}, see the README).
 * One durable PostgreSQL 17 server (fsync and synchronous_commit on, pg_stat_statements loaded)
 * holds two databases: the product's, served by one product node, and the bare engine's, served
 * by {@link BareEngineApp} (the same Camunda 7.24 with its REST API and a one-user-task process,
 * no product code), both in this JVM, so every figure has its bare-engine twin from the same run.
 * Writes {@code target/bench/report.md}. Sizes: {@code -Dbench.routes} (referral routes per
 * client, default 25), {@code -Dbench.openTasks} (P4 backlog, default 20000, the issue's size).
 */
class RouteBenchmark {

    static final int ROUTES = Integer.getInteger("bench.routes", 25);
    /** P1 runs in this many rounds, product and bare engine in turn. */
    static final int ROUNDS = 5;
    static final int OPEN_TASKS = Integer.getInteger("bench.openTasks", 20000);
    /** CPU time of the clients' threads in the operations measured (mode "completions"). */
    static final AtomicLong CPU = new AtomicLong();
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final int USERS = Integer.getInteger("bench.users", 50);
    static final CurrentUser DUTY = new CurrentUser("worker.north", java.util.Set.of("practitioner", "team-north"));
    static final List<String> MANAGER = List.of("team-manager", "team-north");
    static final List<String> WORKER = List.of("practitioner", "team-north");

    private final Report report = new Report();
    private EmbeddedPostgres postgres;
    private JdbcTemplate admin;
    private ClusterNode product;
    private ConfigurableApplicationContext bare;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void run() throws Exception {
        EngineClock.unpin();
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300").setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "top").start();
        admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("CREATE DATABASE csc");
        admin.execute("CREATE DATABASE bare");
        admin.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        report.line("Durable PostgreSQL: fsync " + admin.queryForObject("SHOW fsync", String.class) + ", synchronous_commit "
                + admin.queryForObject("SHOW synchronous_commit", String.class) + "; " + Runtime.getRuntime().availableProcessors()
                + " cores; routes per client " + ROUTES + ", P4 open tasks " + OPEN_TASKS + ", users " + USERS + ".");
        long t0 = System.nanoTime();
        product = ClusterNode.start("bench", postgres.getJdbcUrl("postgres", "csc").replace("/postgres?", "/csc?"),
                Map.of("logging.level.uk.csc", "warn"));
        report.line("Product node started in " + ms(t0) + " ms.");
        t0 = System.nanoTime();
        bare = BareEngineApp.start(postgres.getJdbcUrl("postgres", "bare").replace("/postgres?", "/bare?"));
        bareEngine().getRepositoryService().createDeployment().name("bare").addClasspathResource("bench/bareTask.bpmn")
                .addClasspathResource("bench/bareClockedTask.bpmn").deploy();
        report.line("Bare engine started in " + ms(t0) + " ms.");
        try {
            warmUp();
            if ("contacts".equals(System.getProperty("bench.only"))) {
                for (int round = 0; round < 3; round++) {
                    Series c = contacts(1, 60, null).series();
                    report.line("contacts, one client: median " + f(c.median()) + " ms, " + f(c.perSecond()) + "/s");
                }
                return;
            }
            if ("size".equals(System.getProperty("bench.only"))) {
                javaRoutes(4, 200);
                bareJava(4, 800);
                databaseSize();
                return;
            }
            if ("p4".equals(System.getProperty("bench.only"))) {
                p4();
                databaseSize();
                return;
            }
            if ("rest".equals(System.getProperty("bench.only"))) {
                for (int round = 0; round < 3; round++) {
                    Series product = restRoutes(1, 40).get("completion");
                    Series bareRest = bareRest(1, 200).get("completion");
                    report.line("REST completion, one client: product " + f(product.median()) + " ms, bare " + f(bareRest.median()) + " ms");
                    System.out.println("REST completion, one client: product " + f(product.median()) + " ms, bare " + f(bareRest.median()));
                }
                return;
            }
            if ("completions".equals(System.getProperty("bench.only"))) {
                completionsByStep();
                stepStatements();
                return;
            }
            if ("statements".equals(System.getProperty("bench.only"))) {
                statementsPerStep();
                return;
            }
            p1();
            perRequest();
            p4();
            databaseSize();
        } finally {
            report.write(Path.of("target", "bench", "report.md"));
            bare.close();
            product.close();
            postgres.close();
        }
    }

    // ---------------------------------------------------------------- P1

    private void warmUp() throws Exception {
        javaRoutes(1, 10);
        bareJava(1, 100);
        restRoutes(1, 5);
        bareRest(1, 50);
    }

    private void p1() throws Exception {
        report.section("P1 The referral route against the bare engine");
        report.line("A route: a contact (the product's front door; the bare engine: start an instance of the one-task process) and "
                + "four user-task completions (referral decision, allocation, initial assessment, authorisation; the bare engine: "
                + "complete its task). Product and bare engine take turns in " + ROUNDS + " rounds. Java API: TaskService.complete as the signed-in user; REST: as Tasklist calls it, "
                + "POST /camunda/api/engine/engine/default/task/{id}/submit-form with the webapp session (bare: "
                + "/engine-rest/engine/bare/task/{id}/submit-form, no authentication). Medians in ms, throughput per second.");
        List<String[]> rows = new ArrayList<>();
        Map<String, Double> bars = new LinkedHashMap<>();
        for (int clients : new int[] {1, 4}) {
            // In rounds, product and bare engine taking turns, so that both meet the same load on a shared machine.
            Stats bareJ = new Stats();
            Stats prodJ = new Stats();
            Stats bareR = new Stats();
            Stats prodR = new Stats();
            Series bareClockedJ = new Series();
            for (int round = 0; round < ROUNDS; round++) {
                merge(bareJ, bareJava(clients, 150 * clients / ROUNDS));
                bareClockedJ.add(bareClocked(clients, 100 * clients / ROUNDS));
                merge(prodJ, javaRoutes(clients, Math.max(1, ROUTES * clients / ROUNDS)));
                merge(bareR, bareRest(clients, 100 * clients / ROUNDS));
                merge(prodR, restRoutes(clients, Math.max(1, ROUTES * clients / ROUNDS)));
            }
            for (String[] r : List.of(
                    row("Java", clients, "completion", prodJ.get("completion"), bareJ.get("completion")),
                    row("Java", clients, "completion (bare: a task with the route's 3 timers, the next with 3)", prodJ.get("completion"),
                            bareClockedJ),
                    row("Java", clients, "contact / start", prodJ.get("contact"), bareJ.get("start")),
                    row("REST", clients, "completion", prodR.get("completion"), bareR.get("completion")),
                    row("REST", clients, "contact / start", prodR.get("contact"), bareR.get("start")))) {
                rows.add(r);
            }
            bars.put("Java completion, " + clients + " client(s): product/bare", ratio(prodJ.get("completion"), bareJ.get("completion")));
            bars.put("REST completion, " + clients + " client(s): product/bare", ratio(prodR.get("completion"), bareR.get("completion")));
        }
        report.table(List.of("path", "clients", "operation", "product median", "product p95", "product /s", "bare median",
                "bare p95", "bare /s", "ratio (median)", "ratio (throughput)"), rows);
        report.chart("Cost ratio per completion, product over bare engine (target 1.5)", bars);
        statementsPerStep();
    }

    private static void merge(Stats into, Stats from) {
        from.forEach((name, series) -> into.computeIfAbsent(name, n -> new Series()).add(series));
    }

    private static String[] row(String path, int clients, String op, Series product, Series bare) {
        return new String[] {path, String.valueOf(clients), op, f(product.median()), f(product.p95()), f(product.perSecond()),
                f(bare.median()), f(bare.p95()), f(bare.perSecond()), f(ratio(product, bare)) + "x",
                f(bare.perSecond() / product.perSecond()) + "x"};
    }

    private static double ratio(Series product, Series bare) {
        return product.median() / bare.median();
    }

    /** SQL statements per step (pg_stat_statements, BEGIN and COMMIT included), one client, Java API. */
    private void statementsPerStep() throws Exception {
        int n = 20;
        List<String[]> rows = new ArrayList<>();
        resetStatements();
        List<String> instances = contacts(1, n, null).ids();
        rows.add(new String[] {"contact (front door)", f(statements("csc") / n), "start (bare)", f(bareStatements(n, true))});
        String[][] steps = {{Tasks.RECORD_REFERRAL_DECISION, "manager"}, {Tasks.ALLOCATE_WORKER, "manager"},
                {Tasks.COMPLETE_INITIAL_ASSESSMENT, "worker"}, {Tasks.AUTHORISE_INITIAL_ASSESSMENT, "manager"}};
        double bareCompletion = bareStatements(n, false);
        for (String[] step : steps) {
            resetStatements();
            completeStep(1, instances, step[0], step[1].equals("manager") ? "manager.north" : "worker.north",
                    step[1].equals("manager") ? MANAGER : WORKER, null);
            rows.add(new String[] {"completion: " + step[0].replace("UserTask_", ""), f(statements("csc") / n), "completion (bare)",
                    f(bareCompletion)});
        }
        report.line("");
        report.line("SQL statements per step (pg_stat_statements calls, BEGIN/COMMIT included, one client, Java API):");
        report.table(List.of("product step", "statements", "bare step", "statements"), rows);
        resetStatements();
        contacts(1, n, null);
        report.line("The product's costliest statements during " + n + " contacts (total ms, calls):");
        report.table(List.of("total ms", "calls", "mean ms", "statement"), topStatements("csc", 12, "total_exec_time"));
        report.line("The same " + n + " contacts' most frequent statements:");
        report.table(List.of("total ms", "calls", "mean ms", "statement"), topStatements("csc", 25, "calls"));
        List<String> open = contacts(1, n, null).ids();
        completeStep(1, open, Tasks.RECORD_REFERRAL_DECISION, "manager.north", MANAGER, null);
        completeStep(1, open, Tasks.ALLOCATE_WORKER, "manager.north", MANAGER, null);
        resetStatements();
        completeStep(1, open, Tasks.COMPLETE_INITIAL_ASSESSMENT, "worker.north", WORKER, null);
        completeStep(1, open, Tasks.AUTHORISE_INITIAL_ASSESSMENT, "manager.north", MANAGER, null);
        report.line("The most frequent statements of " + (2 * n) + " completions (initial assessment and its authorisation):");
        report.table(List.of("total ms", "calls", "mean ms", "statement"), topStatements("csc", 25, "calls"));
    }

    private double bareStatements(int n, boolean start) throws Exception {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(startBare());
        }
        resetStatements();
        if (start) {
            for (int i = 0; i < n; i++) {
                startBare();
            }
        } else {
            for (String t : tasks) {
                bareEngine().getTaskService().complete(t);
            }
        }
        return statements("bare") / n;
    }

    private void resetStatements() {
        admin.queryForList("SELECT pg_stat_statements_reset()");
    }

    private double statements(String database) {
        Long calls = admin.queryForObject("""
                SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
                WHERE d.datname = ? AND s.query NOT LIKE '%pg_stat_statements%'""", Long.class, database);
        return calls == null ? 0 : calls;
    }

    private List<String[]> topStatements(String database, int limit, String order) {
        return admin.query("""
                SELECT round(total_exec_time::numeric, 1) AS total, calls, round(mean_exec_time::numeric, 3) AS mean,
                       left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS q
                FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ?""" + " ORDER BY " + order
                + " DESC LIMIT ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        "`" + rs.getString(4).replace("|", "/").replace("`", "'") + "`"}, database, limit);
    }

    /**
     * Each step's median and its client thread's CPU time beside the bare engine's, one client, Java
     * API, then every statement of each step: where a route's time goes. With a profiler:
     * {@code -Dbench.only=completions "-Dbench.jvm=-XX:StartFlightRecording=filename=target/p1.jfr,settings=profile"}.
     */
    private void completionsByStep() throws Exception {
        for (int round = 0; round < 3; round++) {
            Series bareCompletions = bareCompletionsWithCpu(200);
            double bareCpu = CPU.get() / 1e6 / 200;
            Series clocked = bareClocked(1, 100);
            Batch contacts = contacts(1, Integer.getInteger("bench.stepContacts", 40), null);
            StringBuilder line = new StringBuilder("round " + round + ": bare completion " + f(bareCompletions.median()) + " ms (cpu " + f(bareCpu) + "); bare with the route's timers " + f(clocked.median()) + "; contact "
                    + f(contacts.series().median()));
            for (String[] step : new String[][] {{Tasks.RECORD_REFERRAL_DECISION, "manager.north"}, {Tasks.ALLOCATE_WORKER, "manager.north"},
                    {Tasks.COMPLETE_INITIAL_ASSESSMENT, "worker.north"}, {Tasks.AUTHORISE_INITIAL_ASSESSMENT, "manager.north"}}) {
                CPU.set(0);
                Series s = completeStep(1, contacts.ids(), step[0], step[1], step[1].startsWith("manager") ? MANAGER : WORKER, null);
                line.append("; ").append(step[0].replace("UserTask_", "")).append(' ').append(f(s.median()))
                        .append(" (cpu ").append(f(CPU.get() / 1e6 / contacts.ids().size())).append(')');
            }
            report.line(line.toString());
            System.out.println(line);
        }
    }

    private Series bareCompletionsWithCpu(int count) throws Exception {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(startBare());
        }
        CPU.set(0);
        Series series = parallel(1, count, i -> () -> {
            long t = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            bareEngine().getTaskService().complete(tasks.get(i));
            CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
            return System.nanoTime() - t;
        });
        return series;
    }

    /** Every statement of each step of 20 routes (calls per step), for profiling. */
    private void stepStatements() throws Exception {
        int n = 20;
        resetStatements();
        List<String> instances = contacts(1, n, null).ids();
        report.section("contact");
        report.table(List.of("total ms", "calls", "mean ms", "statement"), topStatements("csc", 200, "calls"));
        for (String[] step : new String[][] {{Tasks.RECORD_REFERRAL_DECISION, "manager.north"}, {Tasks.ALLOCATE_WORKER, "manager.north"},
                {Tasks.COMPLETE_INITIAL_ASSESSMENT, "worker.north"}, {Tasks.AUTHORISE_INITIAL_ASSESSMENT, "manager.north"}}) {
            resetStatements();
            completeStep(1, instances, step[0], step[1], step[1].startsWith("manager") ? MANAGER : WORKER, null);
            report.section(step[0]);
            report.table(List.of("total ms", "calls", "mean ms", "statement"), topStatements("csc", 200, "calls"));
        }
        bareStatements(n, false);
        report.section("bare completion");
        report.table(List.of("total ms", "calls", "mean ms", "statement"), topStatements("bare", 200, "calls"));
    }

    // ---- product, Java API

    private Stats javaRoutes(int clients, int routes) throws Exception {
        long t0 = System.nanoTime();
        Batch contacts = contacts(clients, routes, null);
        Series completions = new Series();
        completions.add(completeStep(clients, contacts.ids(), Tasks.RECORD_REFERRAL_DECISION, "manager.north", MANAGER, null));
        completions.add(completeStep(clients, contacts.ids(), Tasks.ALLOCATE_WORKER, "manager.north", MANAGER, null));
        completions.add(completeStep(clients, contacts.ids(), Tasks.COMPLETE_INITIAL_ASSESSMENT, "worker.north", WORKER, null));
        completions.add(completeStep(clients, contacts.ids(), Tasks.AUTHORISE_INITIAL_ASSESSMENT, "manager.north", MANAGER, null));
        Stats stats = new Stats();
        stats.put("contact", contacts.series());
        stats.put("completion", completions);
        stats.put("route", Series.wall(routes, System.nanoTime() - t0));
        return stats;
    }

    private Batch contacts(int clients, int count, Rest rest) throws Exception {
        FrontDoor door = product.bean(FrontDoor.class);
        // Received a minute ago: no statutory timer is due yet, so a step measures only its own work.
        OffsetDateTime received = OffsetDateTime.now(ZoneId.of("Europe/London")).minusMinutes(1).withNano(0);
        LocalDate born = received.toLocalDate().minusYears(7).minusDays(40);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        Series series = parallel(clients, count, i -> () -> {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            if (rest == null) {
                var child = new ContactRequest.Child("Bench" + unique, "Child", born, null, "F", "WBRI", "B23 6AB", NhsNumbers.next(), null);
                ids.add(door.receive(new ContactRequest(child, "2A", received, "Concerns described by the school", "CHILD_IN_NEED",
                        false, false, true, null), DUTY).processInstanceId());
            } else {
                String body = """
                        {"child": {"firstName": "Bench%s", "lastName": "Child", "dateOfBirth": "%s", "sex": "F", "ethnicity": "WBRI",
                         "postcode": "B23 6AB", "nhsNumber": "%s"}, "referralSource": "2A", "receivedAt": "%s",
                         "concerns": "Concerns described by the school", "concernLevel": "CHILD_IN_NEED", "immediateRisk": false,
                         "dvNotification": false, "consent": true}""".formatted(unique, born, NhsNumbers.next(), received);
                HttpResponse<String> answer = rest.basic("worker.north", "POST", "/api/contacts", body);
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                int at = answer.body().indexOf("\"processInstanceId\":\"") + 21;
                ids.add(answer.body().substring(at, answer.body().indexOf('"', at)));
            }
            return null;
        });
        return new Batch(new ArrayList<>(ids), series);
    }

    private Series completeStep(int clients, List<String> instances, String taskKey, String user, List<String> groups, Rest rest)
            throws Exception {
        TaskService tasks = product.bean(TaskService.class);
        IdentityService identity = product.bean(IdentityService.class);
        Map<String, Object> values = valuesFor(taskKey);
        return parallel(clients, instances.size(), i -> () -> {
            String taskId = tasks.createTaskQuery().processInstanceId(instances.get(i)).taskDefinitionKey(taskKey).singleResult().getId();
            if (rest == null) {
                long t = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                identity.setAuthentication(user, groups);
                try {
                    tasks.complete(taskId, new HashMap<>(values));
                } finally {
                    identity.clearAuthentication();
                }
                CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                return System.nanoTime() - t;
            }
            long t = System.nanoTime();
            HttpResponse<String> answer = rest.session(user, "POST", "/camunda/api/engine/engine/default/task/" + taskId + "/submit-form",
                    variables(values));
            long took = System.nanoTime() - t;
            assertThat(answer.statusCode()).as(taskKey + ": " + answer.body()).isEqualTo(204);
            return took;
        });
    }

    private static Map<String, Object> valuesFor(String taskKey) {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        return switch (taskKey) {
            case Tasks.RECORD_REFERRAL_DECISION -> Map.of("referralDecision", "ACCEPT_REFERRAL");
            case Tasks.ALLOCATE_WORKER -> Map.of("allocatedWorker", "worker.north");
            case Tasks.COMPLETE_INITIAL_ASSESSMENT -> Map.of("childSeenOn", today, "completedOn", today, "categoryOfNeed", "N1",
                    "summary", "Analysis of needs and risks", "recommendation", "CLOSE");
            case Tasks.AUTHORISE_INITIAL_ASSESSMENT -> Map.of("assessmentOutcome", "CLOSE", "outcomeReason", "Agreed with the worker's analysis");
            default -> throw new IllegalArgumentException(taskKey);
        };
    }

    private static String variables(Map<String, Object> values) {
        StringBuilder json = new StringBuilder("{\"variables\": {");
        String sep = "";
        for (var e : values.entrySet()) {
            json.append(sep).append('"').append(e.getKey()).append("\": {\"value\": \"").append(e.getValue()).append("\", \"type\": \"String\"}");
            sep = ", ";
        }
        return json.append("}}").toString();
    }

    // ---- product, REST

    private Stats restRoutes(int clients, int routes) throws Exception {
        Rest rest = new Rest("http://localhost:" + product.port());
        Batch contacts = contacts(clients, routes, rest);
        Series completions = new Series();
        completions.add(completeStep(clients, contacts.ids(), Tasks.RECORD_REFERRAL_DECISION, "manager.north", MANAGER, rest));
        completions.add(completeStep(clients, contacts.ids(), Tasks.ALLOCATE_WORKER, "manager.north", MANAGER, rest));
        completions.add(completeStep(clients, contacts.ids(), Tasks.COMPLETE_INITIAL_ASSESSMENT, "worker.north", WORKER, rest));
        completions.add(completeStep(clients, contacts.ids(), Tasks.AUTHORISE_INITIAL_ASSESSMENT, "manager.north", MANAGER, rest));
        Stats stats = new Stats();
        stats.put("contact", contacts.series());
        stats.put("completion", completions);
        return stats;
    }

    // ---- bare engine

    private ProcessEngine bareEngine() {
        return bare.getBean(ProcessEngine.class);
    }

    private String startBare() {
        String pi = bareEngine().getRuntimeService().startProcessInstanceByKey("bareTask").getId();
        return bareEngine().getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId();
    }

    /** The bare engine completing the first task of {@code bareClockedTask}: its timers go, the next task and its timers come. */
    private Series bareClocked(int clients, int count) throws Exception {
        List<String> tasks = Collections.synchronizedList(new ArrayList<>());
        parallel(clients, count, i -> () -> {
            String pi = bareEngine().getRuntimeService().startProcessInstanceByKey("bareClockedTask").getId();
            tasks.add(bareEngine().getTaskService().createTaskQuery().processInstanceId(pi).singleResult().getId());
            return null;
        });
        Series completions = parallel(clients, tasks.size(), i -> () -> {
            long t = System.nanoTime();
            bareEngine().getTaskService().complete(tasks.get(i));
            return System.nanoTime() - t;
        });
        // The next tasks are done too (untimed), so that P4's bare backlog is its own.
        bareEngine().getTaskService().createTaskQuery().processDefinitionKey("bareClockedTask").list()
                .forEach(task -> bareEngine().getTaskService().complete(task.getId()));
        return completions;
    }

    private Stats bareJava(int clients, int count) throws Exception {
        List<String> tasks = Collections.synchronizedList(new ArrayList<>());
        Series starts = parallel(clients, count, i -> () -> {
            String pi = bareEngine().getRuntimeService().startProcessInstanceByKey("bareTask").getId();
            return pi;
        });
        bareEngine().getTaskService().createTaskQuery().processDefinitionKey("bareTask").list().forEach(t -> tasks.add(t.getId()));
        Series completions = parallel(clients, tasks.size(), i -> () -> {
            long t = System.nanoTime();
            bareEngine().getTaskService().complete(tasks.get(i));
            return System.nanoTime() - t;
        });
        Stats stats = new Stats();
        stats.put("start", starts);
        stats.put("completion", completions);
        return stats;
    }

    private Stats bareRest(int clients, int count) throws Exception {
        Rest rest = new Rest("http://localhost" + ":" + bare.getEnvironment().getProperty("local.server.port"));
        Series starts = parallel(clients, count, i -> () -> {
            HttpResponse<String> answer = rest.anonymous("POST", "/engine-rest/engine/bare/process-definition/key/bareTask/start", "{}");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return null;
        });
        List<String> tasks = new ArrayList<>();
        bareEngine().getTaskService().createTaskQuery().processDefinitionKey("bareTask").list().forEach(t -> tasks.add(t.getId()));
        Series completions = parallel(clients, tasks.size(), i -> () -> {
            long t = System.nanoTime();
            HttpResponse<String> answer = rest.anonymous("POST", "/engine-rest/engine/bare/task/" + tasks.get(i) + "/submit-form",
                    "{\"variables\": {}}");
            long took = System.nanoTime() - t;
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
            return took;
        });
        Stats stats = new Stats();
        stats.put("start", starts);
        stats.put("completion", completions);
        return stats;
    }

    // ---------------------------------------------------------------- per request

    private void perRequest() throws Exception {
        report.section("Per-request cost (one client, median of 100, keep-alive connection)");
        Rest p = new Rest("http://localhost:" + product.port());
        Rest b = new Rest("http://localhost:" + bare.getEnvironment().getProperty("local.server.port"));
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        Map<String, Callable<HttpResponse<String>>> calls = new LinkedHashMap<>();
        calls.put("product GET /actuator/health (no sign-in)", () -> p.anonymous("GET", "/actuator/health", null));
        calls.put("product GET /api/timescales/REFERRAL_DECISION (Basic)", () -> p.basic("worker.north", "GET",
                "/api/timescales/REFERRAL_DECISION?from=" + today, null));
        calls.put("product GET /engine-rest/version (Basic)", () -> p.basic("worker.north", "GET", "/engine-rest/version", null));
        calls.put("product GET /camunda/api/engine/engine/default/version (session)", () -> p.session("worker.north", "GET",
                "/camunda/api/engine/engine/default/version", null));
        calls.put("bare GET /engine-rest/engine/bare/version", () -> b.anonymous("GET", "/engine-rest/engine/bare/version", null));
        List<String[]> rows = new ArrayList<>();
        Map<String, Double> bars = new LinkedHashMap<>();
        for (var call : calls.entrySet()) {
            Series s = new Series();
            for (int i = 0; i < 110; i++) {
                long t = System.nanoTime();
                HttpResponse<String> answer = call.getValue().call();
                if (i >= 10) {
                    s.add(System.nanoTime() - t);
                }
                assertThat(answer.statusCode()).as(call.getKey() + " " + answer.body()).isEqualTo(200);
            }
            rows.add(new String[] {call.getKey(), f(s.median()), f(s.p95())});
            bars.put(call.getKey(), s.median());
        }
        report.table(List.of("request", "median ms", "p95 ms"), rows);
        report.chart("Median ms per request", bars);
    }

    // ---------------------------------------------------------------- P4

    private void p4() throws Exception {
        report.section("P4 Task queries at " + USERS + " concurrent users");
        long t0 = System.nanoTime();
        contacts(4, OPEN_TASKS, null);
        long seeded = ms(t0);
        for (int i = 0; i < OPEN_TASKS; i++) {
            bareEngine().getRuntimeService().startProcessInstanceByKey("bareTask");
        }
        product.bean(JdbcTemplate.class).execute("ANALYZE");
        new JdbcTemplate(bare.getBean(javax.sql.DataSource.class)).execute("ANALYZE");
        long productOpen = product.bean(TaskService.class).createTaskQuery().count();
        long bareOpen = bareEngine().getTaskService().createTaskQuery().count();
        report.line("Backlog: " + productOpen + " open tasks in the product (" + OPEN_TASKS + " contacts awaiting their referral "
                + "decision, recorded in " + seeded + " ms), " + bareOpen + " in the bare engine. Authorization on in the product "
                + "(manager.north sees Team North's). The query Tasklist's first page sends: "
                + "candidate groups, 15 rows sorted by due date, and its count.");
        Rest p = new Rest("http://localhost:" + product.port());
        Rest b = new Rest("http://localhost:" + bare.getEnvironment().getProperty("local.server.port"));
        String query = "?candidateGroup=team-north&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=15";
        // The case API on the same backlog: a different case of the team on every request, beside the
        // bare engine's read of one of its instances (the nearest it has to a case).
        List<String> caseRefs = product.bean(JdbcTemplate.class).queryForList(
                "SELECT case_ref FROM care_case WHERE team = 'team-north' ORDER BY id DESC LIMIT 500", String.class);
        List<String> bareInstances = bareEngine().getRuntimeService().createProcessInstanceQuery().processDefinitionKey("bareTask")
                .listPage(0, 500).stream().map(ProcessInstance::getId).toList();
        AtomicInteger next = new AtomicInteger();
        Series prodList = concurrentQueries(() -> p.session("manager.north", "GET", "/camunda/api/engine/engine/default/task" + query, null));
        Series prodCount = concurrentQueries(() -> p.session("manager.north", "GET",
                "/camunda/api/engine/engine/default/task/count?candidateGroup=team-north", null));
        Series prodCase = concurrentQueries(() -> p.basic("manager.north", "GET",
                "/api/cases/" + caseRefs.get(next.getAndIncrement() % caseRefs.size()), null));
        Series prodCaseFile = concurrentQueries(() -> p.basic("manager.north", "GET",
                "/api/cases/" + caseRefs.get(next.getAndIncrement() % caseRefs.size()) + "/file", null));

        Series bareList = concurrentQueries(() -> b.anonymous("GET", "/engine-rest/engine/bare/task" + query, null));
        Series bareCount = concurrentQueries(() -> b.anonymous("GET", "/engine-rest/engine/bare/task/count?candidateGroup=team-north", null));
        Series bareInstance = concurrentQueries(() -> b.anonymous("GET",
                "/engine-rest/engine/bare/process-instance/" + bareInstances.get(next.getAndIncrement() % bareInstances.size()), null));

        // The same bare engine's data served as a bare Camunda serves users: authorization on, Camunda's
        // own HTTP Basic filter, and the team's group allowed to read every task and instance (the
        // cheapest grant there is: one row each, matched on "*").
        try (ConfigurableApplicationContext signingIn = BareEngineApp.startSigningIn(
                postgres.getJdbcUrl("postgres", "bare").replace("/postgres?", "/bare?"))) {
            grantTheTeamEverything(signingIn.getBean(ProcessEngine.class));
            Rest s = new Rest("http://localhost:" + signingIn.getEnvironment().getProperty("local.server.port"));
            String engine = "/engine-rest/engine/" + signingIn.getBean(ProcessEngine.class).getName();
            Series signedList = concurrentQueries(() -> s.basic(BARE_USER, "GET", engine + "/task" + query, null));
            Series signedCount = concurrentQueries(() -> s.basic(BARE_USER, "GET", engine + "/task/count?candidateGroup=team-north", null));
            Series signedInstance = concurrentQueries(() -> s.basic(BARE_USER, "GET",
                    engine + "/process-instance/" + bareInstances.get(next.getAndIncrement() % bareInstances.size()), null));

            report.line("The case API: " + caseRefs.size() + " of Team North's cases in turn (`GET /api/cases/{caseRef}`, the summary, and "
                    + "`GET /api/cases/{caseRef}/file`, the case file, with Basic authentication as in P3), each read audited; the bare engine reads one of its instances in turn "
                    + "(`GET /engine-rest/engine/bare/process-instance/{id}`). The bare engine is measured twice: as the issue sets P4, "
                    + "**authorization on and every request signed in** (a second engine on the same database with Camunda's own "
                    + "HTTP Basic filter, the team allowed to read every task and instance), and anonymous with authorization off, "
                    + "which no council would run and which is the engine's floor.");
            report.table(List.of("query", "product p50", "product p95", "product /s", "bare p50", "bare p95", "bare /s", "p95 ratio"), List.of(
                    p4Row("task list page (15); bare signed in", prodList, signedList),
                    p4Row("task count; bare signed in", prodCount, signedCount),
                    p4Row("case summary; bare: process instance, signed in", prodCase, signedInstance),
                    p4Row("case file; bare: process instance, signed in", prodCaseFile, signedInstance),
                    p4Row("task list page (15); bare anonymous", prodList, bareList),
                    p4Row("task count; bare anonymous", prodCount, bareCount),
                    p4Row("case summary; bare: process instance, anonymous", prodCase, bareInstance),
                    p4Row("case file; bare: process instance, anonymous", prodCaseFile, bareInstance)));
            Map<String, Double> bars = new LinkedHashMap<>();
            bars.put("task list p95, product/bare signed in", prodList.p95() / signedList.p95());
            bars.put("task count p95, product/bare signed in", prodCount.p95() / signedCount.p95());
            bars.put("case summary p95, product/bare signed in", prodCase.p95() / signedInstance.p95());
            bars.put("case file p95, product/bare signed in", prodCaseFile.p95() / signedInstance.p95());
            bars.put("case summary p95, product/bare anonymous", prodCase.p95() / bareInstance.p95());
            bars.put("case file p95, product/bare anonymous", prodCaseFile.p95() / bareInstance.p95());
            report.chart("P4 p95 ratio, product over bare engine (target 1.5)", bars);
        }
    }

    private static final String BARE_USER = "manager";

    /** A user of Team North in the signed-in bare engine, allowed to read every task and process instance. */
    private static void grantTheTeamEverything(ProcessEngine engine) {
        var identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(BARE_USER).count() == 0) {
            var user = identity.newUser(BARE_USER);
            user.setPassword("demo");
            identity.saveUser(user);
            identity.saveGroup(identity.newGroup("team-north"));
            identity.createMembership(BARE_USER, "team-north");
        }
        var authorizations = engine.getAuthorizationService();
        for (var resource : List.of(org.camunda.bpm.engine.authorization.Resources.TASK,
                org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE)) {
            var grant = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId("team-north");
            grant.setResource(resource);
            grant.setResourceId("*");
            grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
            authorizations.saveAuthorization(grant);
        }
    }

    private static String[] p4Row(String query, Series product, Series bare) {
        return new String[] {query, f(product.median()), f(product.p95()), f(product.perSecond()), f(bare.median()), f(bare.p95()),
                f(bare.perSecond()), f(product.p95() / bare.p95()) + "x"};
    }

    /** What the run left in each database, per case (product) and per process instance (bare). */
    private void databaseSize() {
        report.section("Database size");
        JdbcTemplate csc = product.bean(JdbcTemplate.class);
        csc.execute("VACUUM ANALYZE");
        long cases = csc.queryForObject("SELECT count(*) FROM care_case", Long.class);
        long closed = csc.queryForObject("SELECT count(*) FROM care_case WHERE closed_at IS NOT NULL", Long.class);
        long productBytes = admin.queryForObject("SELECT pg_database_size('csc')", Long.class);
        long emptyBytes = admin.queryForObject("SELECT pg_database_size('template1')", Long.class);
        JdbcTemplate bareDb = new JdbcTemplate(bare.getBean(javax.sql.DataSource.class));
        bareDb.execute("VACUUM ANALYZE");
        long bareInstances = bareDb.queryForObject("SELECT count(*) FROM act_hi_procinst", Long.class);
        long bareBytes = admin.queryForObject("SELECT pg_database_size('bare')", Long.class);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"product", String.valueOf(cases) + " cases (" + closed + " closed)", f(productBytes / 1e6),
                f((productBytes - emptyBytes) / 1024.0 / Math.max(cases, 1))});
        rows.add(new String[] {"bare engine", bareInstances + " instances", f(bareBytes / 1e6),
                f((bareBytes - emptyBytes) / 1024.0 / Math.max(bareInstances, 1))});
        report.table(List.of("database", "what", "MB", "kB per case or instance (above an empty database)"), rows);
        report.table(List.of("largest tables (product)", "MB"), csc.query("""
                SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 2 DESC LIMIT 10""",
                (rs, i) -> new String[] {rs.getString(1), f(rs.getLong(2) / 1e6)}));
    }

    private Series concurrentQueries(Callable<HttpResponse<String>> call) throws Exception {
        int perUser = Integer.getInteger("bench.perUser", 20);
        return parallel(USERS, USERS * perUser, i -> () -> {
            long t = System.nanoTime();
            HttpResponse<String> answer = call.call();
            long took = System.nanoTime() - t;
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return took;
        });
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * Runs {@code count} operations on {@code clients} threads; an operation returning a Long is its
     * own measured duration in ns, otherwise the whole call is measured.
     */
    private static Series parallel(int clients, int count, IntFunction<Callable<Object>> operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        Series series = new Series();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<Object> op = operation.apply(i);
                futures.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    Object result = op.call();
                    series.add(result instanceof Long took ? took : System.nanoTime() - t);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        series.wall = System.nanoTime() - t0;
        return series;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    static String f(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    record Batch(List<String> ids, Series series) {
    }

    static final class Stats extends LinkedHashMap<String, Series> {
    }

    /** Durations in ns; medians and percentiles in ms; throughput from the wall time of the runs added. */
    static final class Series {
        private final List<Long> ns = Collections.synchronizedList(new ArrayList<>());
        long wall;

        void add(long took) {
            ns.add(took);
        }

        void add(Series other) {
            ns.addAll(other.ns);
            wall += other.wall;
        }

        static Series wall(int count, long ns) {
            Series s = new Series();
            s.wall = ns;
            return s;
        }

        double percentile(double p) {
            List<Long> sorted = new ArrayList<>(ns);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size()))) / 1e6;
        }

        double median() {
            return percentile(0.5);
        }

        double p95() {
            return percentile(0.95);
        }

        double perSecond() {
            return ns.size() / (wall / 1e9);
        }
    }

    /** HTTP with Basic, a Tasklist session per user (signed in once), or nothing. */
    final class Rest {
        private final String base;
        private final Map<String, String[]> sessions = new java.util.concurrent.ConcurrentHashMap<>();

        Rest(String base) {
            this.base = base;
        }

        HttpResponse<String> anonymous(String method, String path, String body) throws Exception {
            return send(request(method, path, body).build());
        }

        HttpResponse<String> basic(String user, String method, String path, String body) throws Exception {
            return send(request(method, path, body).header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).build());
        }

        HttpResponse<String> session(String user, String method, String path, String body) throws Exception {
            String[] session = sessions.computeIfAbsent(user, this::login);
            return send(request(method, path, body).header("Cookie", "JSESSIONID=" + session[0] + "; XSRF-TOKEN=" + session[1])
                    .header("X-XSRF-TOKEN", session[1]).header("X-Requested-With", "XMLHttpRequest").build());
        }

        private String[] login(String user) {
            try {
                HttpResponse<String> page = send(request("GET", "/camunda/app/tasklist/default/", null).build());
                String xsrf = cookie(page, "XSRF-TOKEN");
                HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Cookie", "JSESSIONID=" + cookie(page, "JSESSIONID") + "; XSRF-TOKEN=" + xsrf).header("X-XSRF-TOKEN", xsrf)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build());
                assertThat(signedIn.statusCode()).as(user + " signs in").isEqualTo(200);
                String session = cookie(signedIn, "JSESSIONID");
                HttpResponse<String> profile = send(request("GET", "/camunda/api/engine/engine/default/user/" + user + "/profile", null)
                        .header("Cookie", "JSESSIONID=" + session).header("X-Requested-With", "XMLHttpRequest").build());
                String token = profile.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith("XSRF-TOKEN="))
                        ? cookie(profile, "XSRF-TOKEN") : xsrf;
                return new String[] {session, token};
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private HttpRequest.Builder request(String method, String path, String body) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            return builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        }

        private HttpResponse<String> send(HttpRequest request) throws Exception {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        private String cookie(HttpResponse<String> response, String name) {
            return response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1).split(";", 2)[0]).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
        }
    }

    /** The Markdown report with small ASCII charts. */
    static final class Report {
        private final StringBuilder md = new StringBuilder("# Benchmark report\n\n");

        void section(String title) {
            md.append("\n## ").append(title).append("\n\n");
            System.out.println("== " + title);
        }

        void line(String text) {
            md.append(text).append('\n');
            System.out.println(text);
        }

        void table(List<String> header, List<String[]> rows) {
            md.append("\n| ").append(String.join(" | ", header)).append(" |\n|");
            header.forEach(h -> md.append("---|"));
            md.append('\n');
            for (String[] r : rows) {
                md.append("| ").append(String.join(" | ", r)).append(" |\n");
                System.out.println(String.join(" | ", r));
            }
            md.append('\n');
        }

        void chart(String title, Map<String, Double> bars) {
            double max = bars.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
            int width = bars.keySet().stream().mapToInt(String::length).max().orElse(10);
            md.append("\n").append(title).append(":\n\n```\n");
            bars.forEach((k, v) -> md.append(String.format(Locale.ROOT, "%-" + width + "s | %-40s %s%n", k,
                    "#".repeat((int) Math.max(1, Math.round(40 * v / max))), f(v))));
            md.append("```\n");
        }

        void write(Path file) throws Exception {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md.toString());
            System.out.println("Report written to " + file.toAbsolutePath());
        }
    }
}
