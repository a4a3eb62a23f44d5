package uk.csc.workflow.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.csc.workflow.support.PostgresIntegrationTest;

/**
 * The engine's entity manager checks a new entity's id as Camunda does, refusing a missing id and
 * the reserved {@code *} with the engine's own message, but no longer writes that message (the
 * entity's {@code toString()}) for an entity whose id is fine.
 */
@PostgresIntegrationTest
class EntityIdCheckTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void theEngineUsesTheEntityManagerThatWritesNoMessageForAGoodId() {
        AtomicInteger described = new AtomicInteger();
        engine.getCommandExecutorTxRequired().execute(context -> {
            DbEntityManager manager = context.getDbEntityManager();
            assertThat(manager).isInstanceOf(EntityIdCheckPlugin.IdCheckingEntityManager.class);
            CountedProperty property = new CountedProperty("csc.entity-id-check", described);
            manager.insert(property);
            assertThat(manager.getCachedEntity(CountedProperty.class, "csc.entity-id-check")).isSameAs(property);
            // Deleted in the command that made it, it is never written (the row's type has no insert of its own).
            manager.delete(property);
            return null;
        });
        assertThat(described).hasValue(0);
        assertThat(engine.getManagementService().getProperties()).doesNotContainKey("csc.entity-id-check");
    }

    @Test
    void aMissingOrReservedIdIsRefusedWithTheEnginesMessageAndNothingIsWritten() {
        AtomicInteger described = new AtomicInteger();
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context -> {
            context.getDbEntityManager().insert(new CountedProperty(null, described));
            return null;
        })).isInstanceOf(ProcessEngineException.class).hasMessageContaining("counted property").hasMessageContaining("id is null");
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(context -> {
            context.getDbEntityManager().insert(new CountedProperty("*", described));
            return null;
        })).isInstanceOf(ProcessEngineException.class).hasMessageContaining("cannot be *");
        assertThat(described).hasValue(2);
        assertThat(engine.getManagementService().getProperties()).doesNotContainKey("*");
    }

    /** A property row (an id the caller chooses) that counts how often it is described. */
    private static final class CountedProperty extends PropertyEntity {

        private final AtomicInteger described;

        CountedProperty(String name, AtomicInteger described) {
            super(name, "checked");
            this.described = described;
        }

        /** Keeps its name as its id, so that a missing id stays missing (the engine gives one to an entity without). */
        @Override
        public void setId(String id) {
        }

        @Override
        public String toString() {
            described.incrementAndGet();
            return "counted property";
        }
    }
}
