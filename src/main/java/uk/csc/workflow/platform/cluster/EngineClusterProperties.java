package uk.csc.workflow.platform.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a node takes part in a cluster of identical nodes on one database ({@code csc.engine.*}).
 *
 * @param nodeId              the name this node's job executor locks jobs under and reports its
 *                            metrics as (default: host name and process id), so an operator sees
 *                            which node holds a job and each node's share of the work
 * @param jobLockTime         how long an acquired job stays locked to this node (default 60 s,
 *                            Camunda's own default is 5 minutes). A node that dies holding jobs
 *                            keeps them this long before another node may take them, so it is the
 *                            takeover time after a crash. It must exceed the longest time a job
 *                            waits in the node's queue plus its run: ours run in milliseconds (an
 *                            escalation, a timer moving a process on) and a node acquires at most
 *                            {@code max-jobs-per-acquisition} at a time for its threads, so a
 *                            minute leaves a margin of hundreds
 * @param acquisitionMaxWait  the longest an idle job executor waits between acquisitions (default
 *                            10 s; Camunda's is 60 s): it bounds how long a healthy idle node takes
 *                            to notice a dead node's expired locks, at one small query per wait
 * @param transientRetryDelay the first wait before a job that failed on a transient database
 *                            conflict (optimistic locking, a duplicate key from a racing node, a
 *                            deadlock, a lost connection) runs again; it doubles for each further
 *                            such failure, with up to half of it again as jitter. Other failures
 *                            follow the model's {@code failedJobRetryTimeCycle}
 */
@ConfigurationProperties("csc.engine")
public record EngineClusterProperties(String nodeId, Duration jobLockTime, Duration acquisitionMaxWait,
                                      Duration transientRetryDelay) {

    public EngineClusterProperties {
        nodeId = nodeId == null || nodeId.isBlank() ? defaultNodeId() : nodeId.trim();
        jobLockTime = positive("job-lock-time", jobLockTime, Duration.ofSeconds(60));
        acquisitionMaxWait = positive("acquisition-max-wait", acquisitionMaxWait, Duration.ofSeconds(10));
        transientRetryDelay = positive("transient-retry-delay", transientRetryDelay, Duration.ofSeconds(1));
        if (nodeId.length() > 255) {
            throw new IllegalArgumentException("csc.engine.node-id: at most 255 characters (the engine's lock owner column)");
        }
    }

    private static Duration positive(String name, Duration value, Duration otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("csc.engine." + name + " must be positive");
        }
        return value;
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
