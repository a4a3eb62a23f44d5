package uk.csc.workflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.time.EngineClock;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.process.FrontDoor;
import uk.csc.workflow.support.ClusterNode;
import uk.csc.workflow.support.NhsNumbers;

/**
 * A cluster of two identical nodes on one fresh PostgreSQL database, as the README's scaling-out
 * section promises. Both nodes start at the same moment on the empty database and both come up
 * (one creates the engine's schema, the other waits for it); 500 contacts whose referral
 * decision is long overdue give 1,500 statutory timers already past due (reminder, team manager,
 * service manager), which the two job executors drain: every timer fires exactly once, every
 * escalation exists exactly once, both nodes took work, nothing is left locked or failed. Then a
 * node dies holding jobs it had just acquired, and the other takes them over when their lock
 * expires: the takeover time is the lock time (csc.engine.job-lock-time) plus at most one idle
 * wait. Runs at the real time (the clocks are past due by their contacts' dates), by failsafe in
 * a JVM of its own. Figures go to target/cluster-figures.txt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    static final int CONTACTS = 500;
    static final int DEAD_NODE_CONTACTS = 60;
    /** Short for the test (the default is 60 s): the takeover waits for it. */
    static final Duration LOCK_TIME = Duration.ofSeconds(15);
    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    static final List<String> TIMERS = List.of("BoundaryEvent_ReferralDecisionReminder", "BoundaryEvent_ReferralDecisionDue",
            "BoundaryEvent_ReferralDecisionServiceManager");

    private EmbeddedPostgres postgres;
    private ClusterNode a;
    private ClusterNode b;
    private JdbcTemplate db;
    private final List<String> figures = new ArrayList<>();

    @BeforeAll
    void startTwoNodesTogether() throws Exception {
        EngineClock.unpin();
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).setServerConfig("max_connections", "200").start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        db = new JdbcTemplate(postgres.getPostgresDatabase());
        Map<String, String> settings = Map.of("csc.engine.job-lock-time", LOCK_TIME.toSeconds() + "s",
                "csc.engine.acquisition-max-wait", MAX_WAIT.toSeconds() + "s",
                "camunda.bpm.job-execution.max-jobs-per-acquisition", "10");
        long t0 = System.nanoTime();
        CompletableFuture<ClusterNode> first = CompletableFuture.supplyAsync(() -> ClusterNode.start("node-a", url, settings));
        CompletableFuture<ClusterNode> second = CompletableFuture.supplyAsync(() -> ClusterNode.start("node-b", url, settings));
        a = first.join();
        b = second.join();
        figures.add("both nodes up on an empty database, started together: " + millis(t0) + " ms");
    }

    @AfterAll
    void stop() throws IOException {
        if (a != null) a.close();
        if (b != null) b.close();
        if (postgres != null) postgres.close();
        Path out = Path.of("target", "cluster-figures.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, figures);
        figures.forEach(System.out::println);
    }

    @Test
    @Order(1)
    void bothNodesCameUpOnOneSchema() {
        assertThat(db.queryForObject("SELECT count(*) FROM act_ge_schema_log WHERE version_ = '7.24.0'", Long.class))
                .as("the engine's schema was created once").isEqualTo(1);
        assertThat(db.queryForObject("SELECT count(*) FROM act_re_procdef WHERE key_ = 'referralToAssessment'", Long.class))
                .as("the models deployed once").isEqualTo(1);
        assertThat(db.queryForObject("SELECT count(*) FROM act_id_user WHERE id_ = 'admin'", Long.class)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void twoNodesDrainFifteenHundredPastDueTimersExactlyOnce() throws Exception {
        long t0 = System.nanoTime();
        List<String> instances = receiveOverdueContacts(CONTACTS, a, b);
        figures.add(CONTACTS + " overdue contacts recorded through both nodes' front doors: " + millis(t0) + " ms");

        long expected = 3L * CONTACTS;
        awaitUntil(Duration.ofMinutes(4), () -> escalationsOf(instances) >= expected && openJobsDue() == 0);
        figures.add("drained: " + expected + " timers and their escalations in " + millis(t0) + " ms from the first contact");

        assertThat(db.queryForObject("""
                SELECT count(*) FROM act_hi_actinst WHERE act_id_ IN (?, ?, ?) AND proc_inst_id_ IN (
                  SELECT proc_inst_id_ FROM act_ru_execution WHERE business_key_ LIKE 'CSC-%')""", Long.class,
                TIMERS.get(0), TIMERS.get(1), TIMERS.get(2))).as("timers fired").isEqualTo(expected);
        assertThat(db.queryForObject("""
                SELECT count(*) FROM (SELECT proc_inst_id_, act_id_ FROM act_hi_actinst WHERE act_id_ IN (?, ?, ?)
                GROUP BY proc_inst_id_, act_id_ HAVING count(*) > 1) twice""", Long.class,
                TIMERS.get(0), TIMERS.get(1), TIMERS.get(2))).as("no timer fired twice").isZero();
        assertThat(escalationsOf(instances)).as("escalations").isEqualTo(expected);
        assertThat(db.queryForObject("""
                SELECT count(*) FROM (SELECT deadline_id, level FROM escalation GROUP BY deadline_id, level HAVING count(*) > 1) d""",
                Long.class)).as("no escalation twice").isZero();
        assertThat(db.queryForObject("SELECT count(*) FROM escalation WHERE level <> 'REMINDER' AND task_process_instance_id IS NULL",
                Long.class)).as("every manager's escalation has its task").isZero();
        assertThat(db.queryForObject("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL", Long.class))
                .as("nothing left locked").isZero();
        assertThat(db.queryForObject("SELECT count(*) FROM act_ru_incident", Long.class)).as("no incident").isZero();
        long doneA = a.jobsDone();
        long doneB = b.jobsDone();
        figures.add("jobs per node: node-a " + doneA + ", node-b " + doneB + "; failed attempts (retried): node-a "
                + a.jobsFailed() + ", node-b " + b.jobsFailed());
        assertThat(doneA).as("node-a took work").isGreaterThan(expected / 10);
        assertThat(doneB).as("node-b took work").isGreaterThan(expected / 10);
        assertThat(doneA + doneB).as("every timer job and escalation job ran").isGreaterThanOrEqualTo(2 * expected);
        assertThat(db.queryForObject("SELECT count(*) FROM act_ru_job WHERE retries_ < 3 AND exception_msg_ IS NOT NULL "
                + "AND duedate_ > now() + interval '1 minute'", Long.class)).as("no job waits minutes for a retry").isZero();
    }

    @Test
    @Order(3)
    void whenANodeDiesHoldingJobsTheOtherTakesThemOverOnceTheirLockExpires() throws Exception {
        b.close();
        JobExecutor executorA = a.engineConfiguration().getJobExecutor();
        executorA.shutdown();
        List<String> instances = receiveOverdueContacts(DEAD_NODE_CONTACTS, a);
        long held = heldBy("node-b-dead", () -> openJobsDue());

        long acquired = System.nanoTime();
        executorA.start();
        awaitUntil(Duration.ofMinutes(2), () -> jobsLockedBy("node-b-dead") < held);
        long firstTaken = millis(acquired);
        awaitUntil(Duration.ofMinutes(2), () -> jobsLockedBy("node-b-dead") == 0 && escalationsOf(instances) >= 3L * DEAD_NODE_CONTACTS
                && openJobsDue() == 0);
        long allDone = millis(acquired);
        figures.add("takeover: a dead node's " + held + " locked jobs first taken by node-a after " + firstTaken
                + " ms, all " + (3 * DEAD_NODE_CONTACTS) + " escalations raised after " + allDone + " ms (lock time "
                + LOCK_TIME.toSeconds() + " s, idle wait at most " + MAX_WAIT.toSeconds() + " s)");

        assertThat(firstTaken).as("the dead node's jobs wait for their lock to expire")
                .isGreaterThanOrEqualTo(LOCK_TIME.toMillis() - 1_000);
        assertThat(firstTaken).as("and are taken over soon after")
                .isLessThan(LOCK_TIME.plus(MAX_WAIT).plusSeconds(10).toMillis());
        assertThat(escalationsOf(instances)).isEqualTo(3L * DEAD_NODE_CONTACTS);
        assertThat(db.queryForObject("""
                SELECT count(*) FROM (SELECT deadline_id, level FROM escalation GROUP BY deadline_id, level HAVING count(*) > 1) d""",
                Long.class)).isZero();
    }

    /** A node acquires every due job (as its job executor does) and then dies before running any. */
    private long heldBy(String deadNode, java.util.function.LongSupplier due) {
        DefaultJobExecutor dead = new DefaultJobExecutor();
        dead.setLockOwner(deadNode);
        dead.setLockTimeInMillis(Math.toIntExact(LOCK_TIME.toMillis()));
        dead.setMaxJobsPerAcquisition(1_000);
        AcquiredJobs jobs = a.engineConfiguration().getCommandExecutorTxRequired().execute(new AcquireJobsCmd(dead));
        long count = jobs.size();
        assertThat(count).as("the dead node held work").isGreaterThanOrEqualTo(DEAD_NODE_CONTACTS);
        return count;
    }

    private long jobsLockedBy(String owner) {
        return db.queryForObject("SELECT count(*) FROM act_ru_job WHERE lock_owner_ = ?", Long.class, owner);
    }

    private long openJobsDue() {
        return db.queryForObject("SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND (duedate_ IS NULL OR duedate_ <= now())"
                + " AND suspension_state_ = 1", Long.class);
    }

    private long escalationsOf(List<String> instances) {
        return db.queryForObject("SELECT count(*) FROM escalation WHERE process_instance_id = ANY (?)", Long.class,
                (Object) instances.toArray(String[]::new));
    }

    /** Contacts received three weeks ago, so their referral decision's clock is long past due with all its timers. */
    private List<String> receiveOverdueContacts(int count, ClusterNode... nodes) throws Exception {
        CurrentUser duty = new CurrentUser("worker.north", java.util.Set.of("practitioner", "team-north"));
        OffsetDateTime received = OffsetDateTime.now(ZoneId.of("Europe/London")).minusDays(21).withHour(10).withMinute(0);
        LocalDate born = received.toLocalDate().minusYears(7).minusDays(40);
        ExecutorService clients = Executors.newFixedThreadPool(2 * nodes.length);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                FrontDoor door = nodes[i % nodes.length].bean(FrontDoor.class);
                started.add(clients.submit(() -> {
                    String unique = UUID.randomUUID().toString().substring(0, 8);
                    var child = new ContactRequest.Child("Cluster" + unique, "Child", born, null, "F", "WBRI", "B23 6AB",
                            NhsNumbers.next(), null);
                    return door.receive(new ContactRequest(child, "2A", received, "Concerns described by the school",
                            "CHILD_IN_NEED", false, false, true, null), duty).processInstanceId();
                }));
            }
            List<String> instances = new ArrayList<>();
            for (Future<String> f : started) {
                instances.add(f.get());
            }
            return instances;
        } finally {
            clients.shutdown();
        }
    }

    private static void awaitUntil(Duration limit, java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not done within " + limit);
            }
            Thread.sleep(250);
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
