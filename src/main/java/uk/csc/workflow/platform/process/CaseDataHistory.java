package uk.csc.workflow.platform.process;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * Keeps the case record out of the engine's history. What a form submits that belongs in our case
 * tables (every {@link ProcessContract} class's {@code CASE_DATA} and {@code START_DATA}) is
 * recorded there and removed from the process; without this the engine would still keep it in
 * {@code ACT_HI_VARINST} (a removed variable stays, in state DELETED, with its value) and, for a
 * form submitted with {@code submit-form}, in {@code ACT_HI_DETAIL}. This plugin puts a filter in
 * front of the engine's database history handler that drops the variable and form-field events of
 * those names, and of the variables a {@link RecordedOutsideHistory} bean covers (a statutory clock's
 * copies of its deadline row); everything else (activities, tasks, incidents, the routing
 * variables) is kept as before.
 *
 * <p>The names are found by scanning the application's packages for {@link ProcessContract}
 * classes, so the platform names no feature, and a new model's case data is covered when its
 * contract declares it.
 */
@Component
public class CaseDataHistory extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(CaseDataHistory.class);

    private final Set<String> names;
    private final List<RecordedOutsideHistory> elsewhere;

    @Autowired
    CaseDataHistory(BeanFactory beans, ObjectProvider<RecordedOutsideHistory> elsewhere) {
        this(caseDataNames(AutoConfigurationPackages.get(beans)), elsewhere.orderedStream().toList());
    }

    CaseDataHistory(Set<String> names, List<RecordedOutsideHistory> elsewhere) {
        this.names = Set.copyOf(names);
        this.elsewhere = List.copyOf(elsewhere);
    }

    /** The form fields that belong in the case tables, of every model. */
    public Set<String> names() {
        return names;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new Filter(new DbHistoryEventHandler(), this::leftOut));
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        // The default database handler is replaced by the same handler behind the filter.
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(handlers);
        log.info("Engine history keeps no case data: {} form fields of the models are recorded only in the case tables", names.size());
    }

    /** Whether the engine's history leaves a variable or form field of this name out. */
    public boolean leftOut(String name) {
        if (names.contains(name)) {
            return true;
        }
        for (RecordedOutsideHistory other : elsewhere) {
            if (other.covers(name)) {
                return true;
            }
        }
        return false;
    }

    /** Every {@code CASE_DATA} and {@code START_DATA} of the {@link ProcessContract} classes in these packages. */
    static Set<String> caseDataNames(List<String> packages) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessContract.class));
        Set<String> names = new TreeSet<>();
        for (String base : packages) {
            for (var candidate : scanner.findCandidateComponents(base)) {
                names.addAll(declared(candidate.getBeanClassName()));
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("No @ProcessContract declares any CASE_DATA or START_DATA under " + packages);
        }
        return names;
    }

    private static List<String> declared(String className) {
        List<String> names = new ArrayList<>();
        try {
            Class<?> contract = Class.forName(className);
            for (String constant : List.of("CASE_DATA", "START_DATA")) {
                Field field = contract.getField(constant);
                if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof List<?> list) {
                    list.forEach(name -> names.add((String) name));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("@ProcessContract " + className + " must declare public static CASE_DATA and START_DATA", e);
        }
        return names;
    }

    /** Passes every history event on, except those that would keep a left-out variable or form field. */
    static final class Filter implements HistoryEventHandler {

        private final HistoryEventHandler next;
        private final Predicate<String> leftOut;

        Filter(HistoryEventHandler next, Predicate<String> leftOut) {
            this.next = next;
            this.leftOut = leftOut;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (kept(event)) {
                next.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            next.handleEvents(events.stream().filter(this::kept).toList());
        }

        boolean kept(HistoryEvent event) {
            if (event instanceof HistoricVariableUpdateEventEntity variable) {
                return !leftOut.test(variable.getVariableName());
            }
            if (event instanceof HistoricFormPropertyEventEntity property) {
                return !leftOut.test(property.getPropertyId());
            }
            return true;
        }
    }
}
