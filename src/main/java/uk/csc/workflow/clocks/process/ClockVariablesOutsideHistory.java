package uk.csc.workflow.clocks.process;

import org.springframework.stereotype.Component;

import uk.csc.workflow.platform.process.RecordedOutsideHistory;

/**
 * A statutory clock's variables are copies of its row in {@code statutory_deadline} (start, due
 * date, reminder, escalations, completion), made for the model's timers and forms. The deadline
 * table is the record, read by the case file, the indicators and the returns; a history row per
 * clock variable would only double each route's variable history and the rows the engine must
 * stamp with a removal time when the route ends.
 */
@Component
class ClockVariablesOutsideHistory implements RecordedOutsideHistory {

    @Override
    public boolean covers(String variableName) {
        return ClockVariables.isClockVariable(variableName);
    }
}
