package uk.csc.workflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.support.NhsNumbers;

/**
 * Faults under load, by hand ({@code mvn -B -DskipTests package} then
 * {@code mvn -B -Pbench test -Dtest=FaultsBenchmark}): the built jar as its own process on a
 * durable PostgreSQL, four clients recording contacts and referral decisions through the REST API
 * the whole time, while the application is killed with {@code kill -9} and started again on the
 * same database, and then PostgreSQL is restarted. Afterwards: every contact answered 201 has its
 * case, its route and its deadlines, every completion answered 204 is done, nothing is half-written
 * or duplicated, and the application served again after PostgreSQL came back without a restart of
 * its own. Counts what the clients saw; writes {@code target/bench/faults.md}.
 */
class FaultsBenchmark {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, AtomicLong> seen = new ConcurrentSkipListMap<>();
    private final Set<String> acceptedCases = ConcurrentHashMap.newKeySet();
    private final Map<String, String> instanceOfCase = new ConcurrentHashMap<>();
    private final Set<String> completedTasks = ConcurrentHashMap.newKeySet();
    private final List<String> report = new ArrayList<>();
    private final AtomicBoolean loading = new AtomicBoolean(true);
    private volatile long lastSuccess;
    private int port;
    private Process app;

    @Test
    void killTheApplicationAndRestartPostgresUnderLoad() throws Exception {
        File jar = new File("target").listFiles((d, n) -> n.startsWith("csc-workflow-") && n.endsWith(".jar")) == null ? null
                : java.util.Arrays.stream(new File("target").listFiles((d, n) -> n.startsWith("csc-workflow-") && n.endsWith(".jar")))
                .findFirst().orElse(null);
        assertThat(jar).as("build the jar first: mvn -B -DskipTests package").isNotNull();
        Path data = Files.createTempDirectory("csc-faults-pg");
        int pgPort = freePort();
        port = freePort();
        EmbeddedPostgres postgres = durable(data, pgPort);
        JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
        try {
            report.add("# Faults under load\n");
            long first = startApp(jar, pgPort);
            String demoCases = "SELECT count(*) FROM care_case c JOIN child ch ON ch.id = c.child_id WHERE ch.first_name NOT LIKE 'Fault%'";
            long demo = db.queryForObject(demoCases, Long.class);
            report.add("- First start on an empty database (schema, models, demo users and " + demo + " demo cases): " + first + " ms");
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread client = new Thread(this::load, "client-" + i);
                client.start();
                clients.add(client);
            }
            Thread.sleep(20_000);
            long beforeKill = acceptedCases.size();

            app.destroyForcibly().waitFor();
            long killedAt = System.nanoTime();
            report.add("- `kill -9` of the application after " + beforeKill + " contacts accepted");
            Thread.sleep(3_000);
            long restart = startApp(jar, pgPort);
            report.add("- Restart on the same database until healthy: " + restart + " ms (" + ms(killedAt)
                    + " ms from the kill, including 3 s down); demo cases after the restart: "
                    + db.queryForObject(demoCases, Long.class) + " (the demo data is not seeded again)");
            assertThat(db.queryForObject(demoCases, Long.class)).as("no demo replay on a database that has it").isEqualTo(demo);
            Thread.sleep(15_000);

            long beforeRestart = System.nanoTime();
            postgres.close();
            Thread.sleep(3_000);
            postgres = durable(data, pgPort);
            long pgBack = System.nanoTime();
            long successBefore = lastSuccess;
            while (lastSuccess == successBefore && ms(pgBack) < 60_000) {
                Thread.sleep(100);
            }
            report.add("- PostgreSQL restarted under load (" + ms(beforeRestart) + " ms from stop to the application's next "
                    + "accepted request; " + (lastSuccess == successBefore ? "NOT reconnected within 60 s" : "reconnected by itself")
                    + ", " + ((lastSuccess - pgBack) / 1_000_000) + " ms after PostgreSQL was back)");
            assertThat(lastSuccess).as("the application reconnects to PostgreSQL by itself").isNotEqualTo(successBefore);
            Thread.sleep(10_000);
            loading.set(false);
            for (Thread client : clients) {
                client.join();
            }
            db = new JdbcTemplate(postgres.getPostgresDatabase());
            verify(db);
        } finally {
            loading.set(false);
            if (app != null) {
                app.destroyForcibly().waitFor();
            }
            postgres.close();
            Path out = Path.of("target", "bench", "faults.md");
            Files.createDirectories(out.getParent());
            Files.write(out, report);
            report.forEach(System.out::println);
        }
    }

    private void verify(JdbcTemplate db) {
        report.add("\nWhat the clients saw (answers by kind):\n");
        seen.forEach((k, v) -> report.add("- " + k + ": " + v.get()));
        long missing = acceptedCases.stream().filter(ref -> db.queryForObject("""
                SELECT count(*) FROM care_case c WHERE c.case_ref = ? AND c.process_instance_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM contact k WHERE k.case_id = c.id)
                  AND EXISTS (SELECT 1 FROM statutory_deadline d WHERE d.case_id = c.id AND d.rule = 'REFERRAL_DECISION')
                  AND EXISTS (SELECT 1 FROM act_hi_procinst p WHERE p.id_ = c.process_instance_id)""", Long.class, ref) != 1).count();
        long notDone = completedTasks.stream().filter(id -> db.queryForObject(
                "SELECT count(*) FROM act_hi_taskinst WHERE id_ = ? AND end_time_ IS NOT NULL", Long.class, id) != 1).count();
        long halfCases = db.queryForObject("""
                SELECT count(*) FROM care_case c WHERE c.process_instance_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM contact k WHERE k.case_id = c.id)
                   OR NOT EXISTS (SELECT 1 FROM statutory_deadline d WHERE d.case_id = c.id)""", Long.class);
        long routesWithoutCase = db.queryForObject("""
                SELECT count(*) FROM act_hi_procinst p WHERE p.proc_def_key_ = 'referralToAssessment'
                  AND NOT EXISTS (SELECT 1 FROM care_case c WHERE c.process_instance_id = p.id_)""", Long.class);
        long duplicated = db.queryForObject("""
                SELECT count(*) FROM (SELECT case_id FROM contact GROUP BY case_id HAVING count(*) > 1) d""", Long.class)
                + db.queryForObject("""
                SELECT count(*) FROM (SELECT case_id, rule, occurrence FROM statutory_deadline GROUP BY case_id, rule, occurrence
                HAVING count(*) > 1) d""", Long.class);
        long extra = db.queryForObject("SELECT count(*) FROM care_case c JOIN child ch ON ch.id = c.child_id "
                + "WHERE ch.first_name LIKE 'Fault%'", Long.class) - acceptedCases.size();
        report.add("\nChecks after the faults:\n");
        report.add("- contacts answered 201: " + acceptedCases.size() + "; without their case, route or deadlines: " + missing);
        report.add("- completions answered 204: " + completedTasks.size() + "; not done: " + notDone);
        report.add("- half-written cases (no route, contact or deadline): " + halfCases + "; routes without a case: " + routesWithoutCase);
        report.add("- duplicated contacts or deadlines: " + duplicated);
        report.add("- cases stored beyond those answered 201 (a request whose answer was lost to the "
                + "kill or the restart, complete but unacknowledged): " + extra);
        assertThat(missing).isZero();
        assertThat(notDone).isZero();
        assertThat(halfCases).isZero();
        assertThat(routesWithoutCase).isZero();
        assertThat(duplicated).isZero();
        assertThat(seen.keySet()).as("no 500 answer").noneMatch(k -> k.contains(" 500"));
    }

    /** One client: records a contact, and decides the referral of an earlier one, again and again. */
    private void load() {
        OffsetDateTime received = OffsetDateTime.now(ZoneId.of("Europe/London")).minusMinutes(5).withNano(0);
        LocalDate born = received.toLocalDate().minusYears(9).minusDays(40);
        List<String> pending = new ArrayList<>();
        while (loading.get()) {
            String body = """
                    {"child": {"firstName": "Fault%s", "lastName": "Child", "dateOfBirth": "%s", "sex": "M", "ethnicity": "WBRI",
                     "postcode": "B23 6AB", "nhsNumber": "%s"}, "referralSource": "2A", "receivedAt": "%s",
                     "concerns": "Concerns described by the school", "concernLevel": "CHILD_IN_NEED", "immediateRisk": false,
                     "dvNotification": false, "consent": true}""".formatted(UUID.randomUUID().toString().substring(0, 8), born,
                    NhsNumbers.next(), received);
            HttpResponse<String> answer = send("contact", "worker.north", "POST", "/api/contacts", body);
            if (answer != null && answer.statusCode() == 201) {
                String ref = field(answer.body(), "caseRef");
                acceptedCases.add(ref);
                instanceOfCase.put(ref, field(answer.body(), "processInstanceId"));
                pending.add(field(answer.body(), "processInstanceId"));
                lastSuccess = System.nanoTime();
            }
            if (pending.size() > 2) {
                String pi = pending.remove(0);
                HttpResponse<String> tasks = send("task query", "manager.north", "GET",
                        "/engine-rest/task?processInstanceId=" + pi + "&taskDefinitionKey=UserTask_RecordReferralDecision", null);
                if (tasks != null && tasks.statusCode() == 200 && tasks.body().contains("\"id\":\"")) {
                    String taskId = field(tasks.body(), "id");
                    HttpResponse<String> done = send("completion", "manager.north", "POST", "/engine-rest/task/" + taskId + "/complete",
                            "{\"variables\": {\"referralDecision\": {\"value\": \"ACCEPT_REFERRAL\", \"type\": \"String\"}}}");
                    if (done != null && done.statusCode() == 204) {
                        completedTasks.add(taskId);
                    }
                }
            }
        }
    }

    private HttpResponse<String> send(String what, String user, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> answer = http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String kind = what + " " + answer.statusCode()
                    + (answer.statusCode() == 503 ? " (Retry-After " + answer.headers().firstValue("Retry-After").orElse("none") + ")" : "");
            seen.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
            if (answer.statusCode() == 503) {
                sleep(1_000);
            }
            return answer;
        } catch (ConnectException e) {
            seen.computeIfAbsent(what + ": connection refused", k -> new AtomicLong()).incrementAndGet();
            sleep(200);
        } catch (IOException e) {
            seen.computeIfAbsent(what + ": connection lost (" + e.getClass().getSimpleName() + ")", k -> new AtomicLong()).incrementAndGet();
            sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private long startApp(File jar, int pgPort) throws Exception {
        long t0 = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx768m", "-Duser.timezone=Europe/London", "-jar", jar.getAbsolutePath(),
                "--spring.profiles.active=postgres,demo", "--server.port=" + port, "--csc.demo.seed-city=false")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/bench/faults-app.log")));
        Files.createDirectories(Path.of("target", "bench"));
        builder.environment().putAll(Map.of("DB_HOST", "localhost", "DB_PORT", String.valueOf(pgPort), "DB_NAME", "postgres",
                "DB_USER", "postgres", "DB_PASSWORD", ""));
        app = builder.start();
        while (ms(t0) < 180_000) {
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return ms(t0);
                }
            } catch (IOException e) {
                // not yet listening
            }
            assertThat(app.isAlive()).as("the application is starting (see target/bench/faults-app.log)").isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("not healthy within 3 minutes");
    }

    private static EmbeddedPostgres durable(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setRegisterShutdownHook(false).setDataDirectory(data).setCleanDataDirectory(false)
                .setPort(port).setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "100").start();
    }

    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
