package uk.csc.workflow.tasklist;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.identity.Groups;
import uk.csc.workflow.panel.ReceptionIntoCarePanelModel;
import uk.csc.workflow.plans.ChildInNeedPlanModel;
import uk.csc.workflow.plans.FamilyHelpPlanModel;
import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.plans.ChildProtectionPlanModel;
import uk.csc.workflow.platform.time.HistoryReplay;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * The Tasklist filters every role starts with, sorted by statutory due date. "Due in 2 working
 * days" needs the bank-holiday calendar, which Tasklist's expressions cannot reach, so its date
 * is recomputed every night (and at start).
 */
@Component
@Order(5)
public class TasklistFilters implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);
    static final String DUE_SOON = "Due in 2 working days";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final StatutoryTimescales clock;
    private final TimeSource time;
    private final HistoryReplay history;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations, StatutoryTimescales clock,
                    TimeSource time, HistoryReplay history) {
        this.history = history;
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.clock = clock;
        this.time = time;
    }

    private record Definition(String description, int priority, List<String> groups, Supplier<TaskQuery> query) {
    }

    private Map<String, Definition> definitions() {
        List<String> everyone = List.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.PANEL_CHAIR,
                Groups.IRO, Groups.MASH, Groups.LEAD_CP_PRACTITIONER, Groups.MACT_POLICE, Groups.MACT_HEALTH, Groups.MACT_EDUCATION);
        List<String> managers = List.of(Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER);
        Map<String, Definition> all = new LinkedHashMap<>();
        all.put("My tasks", new Definition("Tasks assigned to me", -10, everyone,
                () -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc()));
        all.put("My team", new Definition("My team's tasks, and tasks for my role", -9, everyone,
                () -> tasks.createTaskQuery().or().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().taskInvolvedUserExpression("${currentUser()}").endOr()
                        .orderByDueDate().asc()));
        all.put(DUE_SOON, new Definition("Statutory tasks due by the end of the second working day", -8, everyone,
                () -> tasks.createTaskQuery().dueBefore(dueSoonLimit()).orderByDueDate().asc()));
        all.put("Overdue", new Definition("Past their statutory due date", -7, everyone,
                () -> tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc()));
        all.put("Escalations", new Definition("Statutory breaches to acknowledge and resolve", -6, managers,
                () -> tasks.createTaskQuery().processDefinitionKey(StatutoryEscalationModel.PROCESS_ID).orderByDueDate().asc()));
        all.put("Panel agenda", new Definition("Requests for the Reception into Care panel", -5,
                List.of(Groups.PANEL_CHAIR, Groups.SERVICE_MANAGER, Groups.TEAM_MANAGER),
                () -> tasks.createTaskQuery().processDefinitionKey(ReceptionIntoCarePanelModel.PROCESS_ID)
                        .taskDefinitionKey(ReceptionIntoCarePanelModel.Tasks.RECORD_PANEL_DECISION).orderByDueDate().asc()));
        all.put("Child protection plans", new Definition("Core groups, visits and review conferences of children on a plan", -4,
                List.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER, Groups.IRO),
                () -> tasks.createTaskQuery().processDefinitionKey(ChildProtectionPlanModel.PROCESS_ID).orderByDueDate().asc()));
        all.put("Child in need plans", new Definition("Agreeing, visiting and reviewing child in need plans", -3,
                List.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER),
                () -> tasks.createTaskQuery().processDefinitionKey(ChildInNeedPlanModel.PROCESS_ID).orderByDueDate().asc()));
        all.put("Family Help plans", new Definition("Agreeing, visiting and reviewing Family Help plans (Families First)", -2,
                List.of(Groups.PRACTITIONER, Groups.TEAM_MANAGER, Groups.SERVICE_MANAGER),
                () -> tasks.createTaskQuery().processDefinitionKey(FamilyHelpPlanModel.PROCESS_ID).orderByDueDate().asc()));
        all.put("Child protection enquiries", new Definition(
                "Multi-agency child protection: strategy discussions and s47 enquiries (Children's Wellbeing and Schools Act 2026 s3)", -1,
                List.of(Groups.LEAD_CP_PRACTITIONER, Groups.MACT_POLICE, Groups.MACT_HEALTH, Groups.MACT_EDUCATION, Groups.SERVICE_MANAGER),
                () -> tasks.createTaskQuery().processDefinitionKey(ReferralToAssessmentModel.PROCESS_ID)
                        .taskDefinitionKeyIn(MULTI_AGENCY_TASKS.toArray(String[]::new)).orderByDueDate().asc()));
        return all;
    }

    /** The tasks of a multi-agency child protection team, and what its lead completes after them. */
    private static final List<String> MULTI_AGENCY_TASKS = List.of(
            ReferralToAssessmentModel.Tasks.POLICE_STRATEGY_CONTRIBUTION, ReferralToAssessmentModel.Tasks.HEALTH_STRATEGY_CONTRIBUTION,
            ReferralToAssessmentModel.Tasks.EDUCATION_STRATEGY_CONTRIBUTION, ReferralToAssessmentModel.Tasks.LEAD_STRATEGY_DISCUSSION,
            ReferralToAssessmentModel.Tasks.POLICE_S47_CONTRIBUTION, ReferralToAssessmentModel.Tasks.HEALTH_S47_CONTRIBUTION,
            ReferralToAssessmentModel.Tasks.EDUCATION_S47_CONTRIBUTION, ReferralToAssessmentModel.Tasks.COMPLETE_S47_ENQUIRY);

    /** The end of the second working day from today, London time. */
    Date dueSoonLimit() {
        LocalDate limit = clock.calendar().plusWorkingDays(time.today(), 2);
        return Date.from(StatutoryTimescales.endOfDay(limit));
    }

    @Override
    public void run(ApplicationArguments args) {
        definitions().forEach(this::ensure);
        log.info("Tasklist filters ready: {}", definitions().keySet());
    }

    /** Just after midnight, London time: move "Due in 2 working days" on. */
    @Scheduled(cron = "0 5 0 * * *", zone = "Europe/London")
    public void refreshDueSoon() {
        history.live(() -> {
            ensure(DUE_SOON, definitions().get(DUE_SOON));
            return null;
        });
    }

    private void ensure(String name, Definition definition) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name).setOwner(null);
        }
        filter.setQuery(definition.query().get());
        filter.setProperties(Map.of("description", definition.description(), "priority", definition.priority(),
                "refresh", true, "color", "#555555"));
        filters.saveFilter(filter);
        for (String group : definition.groups()) {
            grantRead(filter.getId(), group);
        }
    }

    private void grantRead(String filterId, String group) {
        boolean granted = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.FILTER)
                .resourceId(filterId).count() > 0;
        if (!granted) {
            Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            read.setGroupId(group);
            read.setResource(Resources.FILTER);
            read.setResourceId(filterId);
            read.addPermission(Permissions.READ);
            authorizations.saveAuthorization(read);
        }
    }
}
