package uk.csc.workflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.csc.workflow.Application;

/**
 * One application node (the whole Spring application with its own engine, job executor and web
 * server on a random port) on a database shared with other nodes, in this JVM. The engine's clock
 * is global to the JVM, so nodes share it as nodes on one machine would share the wall clock.
 */
public final class ClusterNode implements AutoCloseable {

    private final String id;
    private final ConfigurableApplicationContext context;

    private ClusterNode(String id, ConfigurableApplicationContext context) {
        this.id = id;
        this.context = context;
    }

    /** Starts a node with the demo identities, the job executor on and no demo data. */
    public static ClusterNode start(String id, String jdbcUrl, Map<String, String> more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=demo,test",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--spring.datasource.hikari.pool-name=" + id,
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=true",
                "--csc.engine.node-id=" + id));
        more.forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .run(args.toArray(String[]::new));
        return new ClusterNode(id, context);
    }

    public String id() {
        return id;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ProcessEngineConfigurationImpl engineConfiguration() {
        return (ProcessEngineConfigurationImpl) bean(ProcessEngine.class).getProcessEngineConfiguration();
    }

    /** Jobs this node's job executor ran to success since it started. */
    public long jobsDone() {
        return engineConfiguration().getMetricsRegistry().getDbMeters().get(Metrics.JOB_SUCCESSFUL).get();
    }

    public long jobsFailed() {
        return engineConfiguration().getMetricsRegistry().getDbMeters().get(Metrics.JOB_FAILED).get();
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
