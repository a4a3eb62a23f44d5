package uk.csc.workflow.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.web.BadRequestException;

/** A service step whose validation refuses the value it was given, quoting it as feature services do (LogSafetyTest). */
@Component("refusingStepStub")
class RefusingStepStub implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        throw new BadRequestException("code", "'" + execution.getVariable("code") + "' is not a code");
    }
}
