package uk.csc.workflow.platform.security;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Every user task of every model, when created, becomes readable by the groups that may read its
 * process instance ({@link CaseAccess#inheritToTask}). Built into the engine, so no model and no
 * starter can forget it.
 */
@Component
class CaseAccessPlugin extends AbstractProcessEnginePlugin {

    private static final TaskListener INHERIT = CaseAccess::inheritToTask;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, INHERIT);
                }
            }
        });
    }
}
