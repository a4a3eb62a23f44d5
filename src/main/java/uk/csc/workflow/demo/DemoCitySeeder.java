package uk.csc.workflow.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.time.EngineClock;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.FrontDoor;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.GuidanceProfileSetting;
import uk.csc.workflow.timescales.StatutoryClock;
import uk.csc.workflow.timescales.WorkingDayCalendar;

/**
 * Demo profile: eighteen months of a city's history (a full reporting year, plus the six months
 * before it so that twelve-month measures have children to count), replayed day by day through the real front door and
 * the real processes (the engine's clock moved to each day), so that Tasklist, Cockpit and the
 * indicators show consistent figures on first start. Contacts arrive on working days; each open
 * task is done on a planned day, mostly in time and sometimes late, with the outcomes a city
 * sees. The job executor keeps running and reads the same moved clock, so a task done late
 * raises its escalations on the day it fell due, and the replay's managers acknowledge and
 * resolve them. Runs once, on an empty database, in the background once the application serves
 * (so the first start stays well within a minute); the other demo seeders' cases are left alone.
 */
@Component
@ConditionalOnProperty(name = {"csc.demo.enabled", "csc.demo.seed-city"}, havingValue = "true")
class DemoCitySeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoCitySeeder.class);
    /** Scheduling timers (a panel sitting, review invitations), not escalations. */
    private static final Set<String> SCHEDULING_TIMERS = Set.of("TimerEvent_SittingDay", "IntermediateCatchEvent_InvitationsDue");
    private static final String[] FIRST_NAMES = {"Aisha", "Ben", "Chloe", "Daniel", "Ella", "Finley", "Grace", "Harry", "Isla",
            "Jacob", "Kai", "Lily", "Mason", "Nia", "Oscar", "Poppy", "Reuben", "Sofia", "Theo", "Zara"};
    private static final String[] LAST_NAMES = {"Ali", "Brown", "Campbell", "Davies", "Evans", "Francis", "Green", "Hussain",
            "Iqbal", "Jones", "Khan", "Lewis", "Morris", "Nowak", "Okoro", "Patel", "Roberts", "Smith", "Thomas", "Williams"};
    private static final Map<String, String> TEAM_POSTCODES = Map.of("team-north", "B23 6AB", "team-south", "B13 9AA");

    private final FrontDoor frontDoor;
    private final CaseFileService cases;
    private final TaskService tasks;
    private final TimeSource time;
    private final ManagementService management;
    private final IdentityService identity;
    private final WorkingDayCalendar calendar;
    private final DemoTaskValues values;
    private final int days;
    private final Random random = new Random(2026);
    private final Map<String, LocalDate> plannedFor = new HashMap<>();
    /** The cases this replay created: only their tasks are worked. */
    private final List<String> cityCases = new java.util.ArrayList<>();
    private final GuidanceProfileSetting profiles;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final DemoRecords records;

    DemoCitySeeder(FrontDoor frontDoor, CaseFileService cases, TaskService tasks, TimeSource time,
                   ManagementService management, IdentityService identity, StatutoryClock clock, DemoTaskValues values,
                   GuidanceProfileSetting profiles, DemoRecords records,
                   org.springframework.context.ApplicationEventPublisher events,
                   @org.springframework.beans.factory.annotation.Value("${csc.demo.city-days:365}") int days) {
        this.frontDoor = frontDoor;
        this.cases = cases;
        this.tasks = tasks;
        this.time = time;
        this.management = management;
        this.identity = identity;
        this.calendar = clock.calendar();
        this.values = values;
        this.days = days;
        this.profiles = profiles;
        this.events = events;
        this.records = records;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seedInTheBackground() {
        if (!cases.wasEmptyAtStart()) {
            return;
        }
        Thread seeding = new Thread(this::seed, "demo-city-seeder");
        seeding.setDaemon(true);
        seeding.start();
    }

    void seed() {
        try {
            replay();
        } catch (RuntimeException e) {
            log.error("Demo city seeding stopped", e);
        }
    }

    private void replay() {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(StatutoryClock.STATUTORY_ZONE);
        GuidanceProfile configured = profiles.forNewCases();
        LocalDate switchToWt2023 = today.minusMonths(3);
        int contacts = 0;
        int completed = 0;
        try {
            for (long daysAgo = days; daysAgo > 0; daysAgo--) {
                LocalDate day = today.minusDays(daysAgo);
                if (calendar.isWorkingDay(day)) {
                    at(day, LocalTime.of(9, 30));
                    int arriving = random.nextInt(10) < 3 ? 2 : 1;
                    for (int i = 0; i < arriving; i++) {
                        if (attempt(() -> receiveContact(day))) {
                            contacts++;
                        }
                    }
                }
                at(day, LocalTime.of(16, 0));
                fireSchedulingTimers();
                if (calendar.isWorkingDay(day)) {
                    completed += workOpenTasks(day);
                    attempt(() -> records.recordDue(day, random));
                }
                if (day.equals(switchToWt2023)) {
                    // The council moved to Working Together 2023 for its last quarter: single assessments from here.
                    profiles.switchTo(GuidanceProfile.WT2023);
                }
                if (day.getDayOfMonth() == 1) {
                    log.info("Demo city: replayed to {} ({} contacts, {} tasks done)", day, contacts, completed);
                }
            }
        } finally {
            EngineClock.backToNow();
            profiles.switchTo(configured);
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        log.info("Demo city seeded: {} days, {} contacts, {} tasks done, in {} s", days, contacts, completed, seconds);
        events.publishEvent(new DemoCitySeeded(contacts, completed, seconds));
    }

    /** One step of the replay; a failure is logged and the replay goes on with the next. */
    private boolean attempt(Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            log.debug("Demo step skipped: {}", e.getMessage());
            return false;
        }
    }

    private void at(LocalDate day, LocalTime time) {
        EngineClock.travelTo(day.atTime(time).atZone(StatutoryClock.STATUTORY_ZONE).toInstant());
    }

    private record Known(String first, String last, LocalDate born, String team) {
    }

    private final List<Known> children = new java.util.ArrayList<>();

    private void receiveContact(LocalDate day) {
        // About one contact in seven is about a child already known: linked, often a re-referral.
        if (!children.isEmpty() && random.nextInt(7) == 0) {
            Known known = children.get(random.nextInt(children.size()));
            receive(day, known, "CHILD_IN_NEED", false);
            return;
        }
        String team = random.nextBoolean() ? "team-north" : "team-south";
        int roll = random.nextInt(100);
        String level = roll < 15 ? "INFORMATION_REQUEST" : roll < 40 ? "LOW_LEVEL_NEED" : roll < 88 ? "CHILD_IN_NEED" : "SIGNIFICANT_HARM";
        boolean dv = random.nextInt(100) < 6;
        LocalDate born = day.minusDays(365L * (1 + random.nextInt(16)) + random.nextInt(365));
        Known known = new Known(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)], LAST_NAMES[random.nextInt(LAST_NAMES.length)], born, team);
        children.add(known);
        receive(day, known, level, dv);
    }

    private void receive(LocalDate day, Known known, String level, boolean dv) {
        String team = known.team();
        var child = new ContactRequest.Child(known.first(), known.last(), known.born(), null, "U", "NOBT",
                TEAM_POSTCODES.get(team), null, null);
        OffsetDateTime receivedAt = day.atTime(9, 30).atZone(StatutoryClock.STATUTORY_ZONE).toOffsetDateTime();
        var registered = frontDoor.receive(new ContactRequest(child, dv ? "6" : "2A", receivedAt, "Demo history: concerns from a professional",
                level, false, dv, random.nextInt(10) < 8, null),
                new CurrentUser("worker." + team.substring(5), Set.of("practitioner", team)));
        cityCases.add(registered.caseRef());
    }

    private void fireSchedulingTimers() {
        Instant now = time.now();
        List<Job> due = management.createJobQuery().timers().duedateLowerThan(java.util.Date.from(now.plusSeconds(1))).list();
        for (Job job : due) {
            var definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
            if (definition != null && SCHEDULING_TIMERS.contains(definition.getActivityId())) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    // The job executor, reading the same clock, got there first.
                    log.debug("Scheduling timer {} already taken: {}", job.getId(), e.getMessage());
                }
            }
        }
    }

    /** Works the open tasks whose planned day has come; a task's plan is made when it is first seen. */
    private int workOpenTasks(LocalDate day) {
        int done = 0;
        if (cityCases.isEmpty()) {
            return done;
        }
        for (int pass = 0; pass < 4; pass++) {
            int before = done;
            for (Task task : tasks.createTaskQuery().active().processInstanceBusinessKeyIn(cityCases.toArray(String[]::new)).list()) {
                LocalDate plan = plannedFor.computeIfAbsent(task.getId(), id -> plan(task, day));
                if (!plan.isAfter(day) && complete(task, day)) {
                    done++;
                }
            }
            if (done == before) {
                break;
            }
        }
        return done;
    }

    /** Most work is done in time; about one task in eight is late by a few working days. */
    private LocalDate plan(Task task, LocalDate day) {
        if ("statutoryEscalation".equals(processKey(task))) {
            return calendar.plusWorkingDays(day, 1);
        }
        LocalDate due = task.getDueDate() == null ? calendar.plusWorkingDays(day, 2)
                : task.getDueDate().toInstant().atZone(StatutoryClock.STATUTORY_ZONE).toLocalDate();
        if (random.nextInt(8) == 0) {
            return calendar.plusWorkingDays(due, 1 + random.nextInt(4));
        }
        int window = Math.max(0, calendar.workingDaysBetween(day, due));
        return calendar.plusWorkingDays(day, window == 0 ? 0 : random.nextInt(window + 1));
    }

    private boolean complete(Task task, LocalDate day) {
        try {
            Map<String, Object> variables = values.variablesOf(task);
            var who = values.completer(task, variables);
            Map<String, Object> submitted = values.valuesFor(task, variables, day, random);
            identity.setAuthentication(who.id(), List.copyOf(who.groups()));
            try {
                tasks.complete(task.getId(), submitted);
            } finally {
                identity.clearAuthentication();
            }
            plannedFor.remove(task.getId());
            return true;
        } catch (RuntimeException e) {
            // The job executor moved the case on at the same moment, or a value the demo chose was
            // refused: try again on a later day with fresh choices.
            plannedFor.put(task.getId(), calendar.plusWorkingDays(day, 1));
            log.debug("Demo task {} not completed: {}", task.getTaskDefinitionKey(), e.getMessage());
            return false;
        }
    }

    private String processKey(Task task) {
        return values.processKey(task);
    }
}
