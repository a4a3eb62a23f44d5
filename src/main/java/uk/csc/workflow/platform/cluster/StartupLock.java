package uk.csc.workflow.platform.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes that start at the same moment on one PostgreSQL database start one after the other: the
 * first to take a PostgreSQL advisory lock creates or updates the engine's schema, deploys the
 * models and creates the administrator, filters and authorizations; the next waits, then finds
 * them all there. Without it two nodes on an empty database both create the engine's tables and
 * one fails on a duplicate key. Taken before the engine touches its schema (the first engine
 * plugin), released once this node is ready or has failed; a node that dies while holding it
 * releases it with its connection. Other databases (the embedded H2 of a single node) take no lock.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupLock extends AbstractProcessEnginePlugin implements DisposableBean {

    /** "cscstart" as a number: the advisory lock's key, the same on every node. */
    static final long KEY = 0x6373637374617274L;

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private final DataSource dataSource;
    private Connection held;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized void preInit(ProcessEngineConfigurationImpl configuration) {
        if (held != null) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            long started = System.nanoTime();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                lock.execute();
            }
            held = connection;
            long waited = (System.nanoTime() - started) / 1_000_000;
            if (waited > 100) {
                log.info("Waited {} ms for another node to finish starting", waited);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock on the database", e);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void ready() {
        release();
    }

    @EventListener(ApplicationFailedEvent.class)
    public void failed() {
        release();
    }

    @Override
    public void destroy() {
        release();
    }

    private synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held) {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, KEY);
                unlock.execute();
            }
        } catch (SQLException e) {
            log.warn("Could not release the start-up lock ({}); it goes with the connection", e.getClass().getSimpleName());
        } finally {
            held = null;
        }
    }
}
