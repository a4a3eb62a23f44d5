package uk.csc.workflow.platform.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops the two lines the engine writes when our validation refuses what a command was given (a
 * task listener's {@link TaskRejection}, or a {@link BadRequestException} out of a delegate or a
 * service the command called): {@code ENGINE-16004 Exception while closing command context} at
 * ERROR and {@code ENGINE-REST-HTTP500} at WARN, each with a stack trace and the refused values.
 * The refusal has its own INFO line ({@link RefusedRequests}). Every other engine failure is
 * logged as before, at ERROR, for someone to look at.
 *
 * <p>Turning the engine's {@code enableCmdExceptionLogging} off would also silence real faults,
 * hence a filter on these two loggers only. Registered in {@code logback-spring.xml}.
 */
public class EngineRejectionLogFilter extends TurboFilter {

    static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";
    static final String ENGINE_REST_EXCEPTION = "org.camunda.bpm.engine.rest.exception";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        // Asked before every log call and every isDebugEnabled() of the engine: the two lines dropped are WARN and ERROR.
        if (logger == null || level == null || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        String name = logger.getName();
        if (ENGINE_CONTEXT.equals(name)) {
            return isRejection(t, params) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
        if (ENGINE_REST_EXCEPTION.equals(name)) {
            return mentionsRejection(format) || isRejection(t, params) ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
        return FilterReply.NEUTRAL;
    }

    private static final String[] REFUSALS = {TaskRejection.Invalid.class.getName(), TaskRejection.Forbidden.class.getName(),
            BadRequestException.class.getName()};

    private static boolean isRejection(Throwable t, Object[] params) {
        if (isRefusal(t)) {
            return true;
        }
        if (params != null) {
            for (Object param : params) {
                if (param instanceof Throwable failure && isRefusal(failure)
                        || param instanceof String text && mentionsRejection(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isRefusal(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof BadRequestException || TaskRejection.isRejection(t)) {
                return true;
            }
        }
        return false;
    }

    /** The engine REST API logs the stack trace as text: a refusal shows by its class name. */
    private static boolean mentionsRejection(String text) {
        if (text == null) {
            return false;
        }
        for (String refusal : REFUSALS) {
            if (text.contains(refusal)) {
                return true;
            }
        }
        return false;
    }
}
