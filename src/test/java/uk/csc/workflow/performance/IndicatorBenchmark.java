package uk.csc.workflow.performance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.Application;
import uk.csc.workflow.demo.DemoCitySeeded;
import uk.csc.workflow.identity.CurrentUser;

/**
 * Benchmark, not a test: the demo city on durable PostgreSQL 17 (fsync on), then the indicator
 * queries timed at each level. Prints the demo city's figures and the timings.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Duser.timezone=Europe/London -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      uk.csc.workflow.performance.IndicatorBenchmark
 * </pre>
 */
public final class IndicatorBenchmark {

    private IndicatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start()) {
            CountDownLatch seeded = new CountDownLatch(1);
            SpringApplication app = new SpringApplication(Application.class);
            app.addListeners(ApplicationListener.<DemoCitySeeded>forPayload(event -> {
                System.out.printf("Demo city: %d contacts, %d tasks done, replayed in %d s%n", event.contacts(), event.tasksDone(),
                        event.seconds());
                seeded.countDown();
            }));
            long startNanos = System.nanoTime();
            try (ConfigurableApplicationContext context = app.run("--spring.profiles.active=demo", "--server.port=0",
                    "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "--spring.datasource.username=postgres", "--logging.level.root=warn", "--logging.level.uk.csc=info")) {
                System.out.printf("Application started in %.1f s%n", (System.nanoTime() - startNanos) / 1e9);
                if (!seeded.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("The demo city was not seeded in 10 minutes");
                }
                context.getBean(JdbcTemplate.class).execute("ANALYZE");
                IndicatorService indicators = context.getBean(IndicatorService.class);
                LocalDate to = LocalDate.now();
                LocalDate from = to.minusYears(1).plusDays(1);
                System.out.println("City figures, " + from + " to " + to + ":");
                for (IndicatorRow row : indicators.indicators(from, to, Level.CITY, CurrentUser.SYSTEM)) {
                    System.out.printf("  %-10s %5d / %-5d %6s%%  target %5s  %s%n", row.code(), row.numerator(), row.denominator(),
                            row.percent(), row.target(), row.status());
                }
                for (Level level : Level.values()) {
                    time("all 13 indicators, level " + level, () -> indicators.indicators(from, to, level, CurrentUser.SYSTEM));
                }
                time("drill-down NI59 numerator", () -> indicators.cases(Indicator.NI59, from, to, Level.CITY, null, true, CurrentUser.SYSTEM));
                time("12-month trend", () -> indicators.trend(java.time.YearMonth.from(to), 12, CurrentUser.SYSTEM));
            }
        }
    }

    private static void time(String what, Runnable query) {
        for (int i = 0; i < 5; i++) {
            query.run();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long start = System.nanoTime();
            query.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        java.util.Collections.sort(millis);
        System.out.printf("%-36s median %7.2f ms   p95 %7.2f ms   (30 runs)%n", what, millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.95) - 1));
    }
}
