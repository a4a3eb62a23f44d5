package uk.csc.workflow.referral.process;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.csc.workflow.casefile.TeamWorkers;
import uk.csc.workflow.platform.process.CaseVariables;

/**
 * The allocation form's pick-list: the team's social workers, each shown with their open caseload
 * and nearest deadline, as a task-local JSON variable that the form's select reads
 * ({@code valuesKey}), written when the task is created. Staff names and counts only; nothing
 * about a child. The "Child and case" tab reads the same list live ({@code /api/teams/{team}/workers}).
 */
@Component
class AllocationChoices {

    static final String VARIABLE = "workerChoices";
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final TeamWorkers workers;
    private final ObjectMapper json;

    AllocationChoices(TeamWorkers workers, ObjectMapper json) {
        this.workers = workers;
        this.json = json;
    }

    void offer(DelegateTask task) {
        String team = (String) task.getVariable(CaseVariables.TEAM);
        List<Map<String, String>> choices = team == null ? List.of()
                : workers.of(team).stream().map(w -> Map.of("label", label(w), "value", w.userId())).toList();
        try {
            task.setVariableLocal(VARIABLE, SpinValues.jsonValue(json.writeValueAsString(choices)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The worker list could not be written", e);
        }
    }

    static String label(TeamWorkers.Worker worker) {
        String cases = worker.openCases() == 1 ? "1 open case" : worker.openCases() + " open cases";
        TeamWorkers.NearestDeadline next = worker.nearestDeadline();
        if (next == null) {
            return worker.name() + ": " + cases + ", no open deadline";
        }
        int days = Math.abs(next.workingDaysLeft());
        String left = next.overdue() ? days + " working day" + (days == 1 ? "" : "s") + " overdue"
                : days == 0 ? "due today" : days + " working day" + (days == 1 ? "" : "s") + " left";
        return worker.name() + ": " + cases + ", nearest deadline " + next.dueOn().format(LONG_DATE) + " (" + left + ")";
    }
}
