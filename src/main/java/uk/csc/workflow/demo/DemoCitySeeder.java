package uk.csc.workflow.demo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.escalation.StatutoryEscalationModel;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.plans.process.PlanStarts;
import uk.csc.workflow.platform.time.HistoryReplay;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.referral.ContactRequest;
import uk.csc.workflow.referral.process.FrontDoor;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.GuidanceProfileSetting;
import uk.csc.workflow.timescales.StatutoryTimescales;
import uk.csc.workflow.timescales.WorkingDayCalendar;

/**
 * Demo profile: eighteen months of a city's history (a full reporting year, plus the six months
 * before it so that twelve-month measures have children to count), replayed day by day through
 * the real front door and the real processes, so that Tasklist, Cockpit and the indicators show
 * consistent figures on first start. Contacts arrive on working days; each open task is done on
 * a planned day, mostly in time and sometimes late, with the outcomes a city sees; the replay
 * runs its cases' due jobs itself, so a task done late raises its escalations on the day it fell
 * due, and the replay's managers acknowledge and resolve them.
 *
 * <p>Runs once, on an empty database, in the background once the application serves. Each
 * replayed day is a {@link HistoryReplay} step: the engine's clock is moved only while no live
 * request runs, so people using the application meanwhile always see today; the job executor
 * acquires nothing until the replay ends. The other demo seeders' cases are left alone.
 */
@Component
@ConditionalOnProperty(name = {"csc.demo.enabled", "csc.demo.seed-city"}, havingValue = "true")
class DemoCitySeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoCitySeeder.class);
    private static final String[] FIRST_NAMES = {"Aisha", "Ben", "Chloe", "Daniel", "Ella", "Finley", "Grace", "Harry", "Isla",
            "Jacob", "Kai", "Lily", "Mason", "Nia", "Oscar", "Poppy", "Reuben", "Sofia", "Theo", "Zara"};
    private static final String[] LAST_NAMES = {"Ali", "Brown", "Campbell", "Davies", "Evans", "Francis", "Green", "Hussain",
            "Iqbal", "Jones", "Khan", "Lewis", "Morris", "Nowak", "Okoro", "Patel", "Roberts", "Smith", "Thomas", "Williams"};
    private static final Map<String, String> TEAM_POSTCODES = Map.of("team-north", "B23 6AB", "team-south", "B13 9AA");
    /** Enough rounds for a job to start the next (an escalation's async steps); a job that keeps failing gives up. */
    private static final int JOB_ROUNDS = 10;
    private static final int CASES_PER_QUERY = 1_000;

    private final FrontDoor frontDoor;
    private final CaseFileService cases;
    private final TaskService tasks;
    private final TimeSource time;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final WorkingDayCalendar calendar;
    private final DemoTaskValues values;
    private final HistoryReplay history;
    private final int days;
    /** Contacts a day multiplied (1: the demo city, about 330 contacts a year; 150: a large city's 50,000). */
    private final int scale;
    private int jobsRun;
    private final Random random = new Random(2026);
    private final Map<String, LocalDate> plannedFor = new HashMap<>();
    /** The cases this replay created: only their tasks are worked and their jobs run. */
    private final List<String> cityCases = new ArrayList<>();
    private final Set<String> cityCaseSet = new HashSet<>();
    /** Process instance id to whether it belongs to the replay's cases. */
    private final Map<String, Boolean> cityInstances = new HashMap<>();
    private final GuidanceProfileSetting profiles;
    private final ApplicationEventPublisher events;
    private final DemoRecords records;
    private final PlanStarts plans;

    DemoCitySeeder(FrontDoor frontDoor, CaseFileService cases, TaskService tasks, TimeSource time,
                   ManagementService management, RuntimeService runtime, IdentityService identity, StatutoryTimescales timescales,
                   DemoTaskValues values, GuidanceProfileSetting profiles, DemoRecords records, HistoryReplay history,
                   ApplicationEventPublisher events, PlanStarts plans, @Value("${csc.demo.city-days:365}") int days,
                   @Value("${csc.demo.city-scale:1}") int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("csc.demo.city-scale must be 1 or more (it multiplies the contacts of each day), not " + scale);
        }
        this.plans = plans;
        this.scale = scale;
        this.frontDoor = frontDoor;
        this.cases = cases;
        this.tasks = tasks;
        this.time = time;
        this.management = management;
        this.runtime = runtime;
        this.identity = identity;
        this.calendar = timescales.calendar();
        this.values = values;
        this.history = history;
        this.days = days;
        this.profiles = profiles;
        this.events = events;
        this.records = records;
    }

    /** Last of the start-up listeners, so the other demo seeders have finished at the live time. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void seedInTheBackground() {
        if (!cases.wasEmptyAtStart()) {
            return;
        }
        history.started();
        Thread seeding = new Thread(() -> {
            letAcquiredJobsFinish();
            seed();
        }, "demo-city-seeder");
        seeding.setDaemon(true);
        seeding.start();
    }

    /** Jobs the executor acquired just before the replay began run at the live time, not a replayed one. */
    private static void letAcquiredJobsFinish() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void seed() {
        try {
            replay();
        } catch (RuntimeException e) {
            log.error("Demo city seeding stopped", e);
        } finally {
            history.finished();
        }
    }

    private void replay() {
        long started = System.nanoTime();
        LocalDate today = time.today();
        GuidanceProfile configured = profiles.forNewCases();
        // The council moved to Working Together 2023 five months ago (single assessments from then), and
        // joined the Families First Partnership a month later (Family Help plans after a single assessment).
        LocalDate switchToWt2023 = today.minusMonths(5);
        LocalDate switchToFamiliesFirst = today.minusMonths(4);
        int contacts = 0;
        int completed = 0;
        for (long daysAgo = days; daysAgo > 0; daysAgo--) {
            LocalDate day = today.minusDays(daysAgo);
            GuidanceProfile profile = day.isBefore(switchToWt2023) ? configured
                    : day.isBefore(switchToFamiliesFirst) ? GuidanceProfile.WT2023 : GuidanceProfile.FAMILIES_FIRST;
            if (calendar.isWorkingDay(day)) {
                contacts += step(day, LocalTime.of(9, 30), profile, () -> {
                    runDueJobs();
                    int arrived = 0;
                    for (int i = (random.nextInt(10) < 3 ? 2 : 1) * scale; i > 0; i--) {
                        arrived += attempt(() -> receiveContact(day)) ? 1 : 0;
                    }
                    return arrived;
                });
            }
            completed += step(day, LocalTime.of(16, 0), profile, () -> {
                runDueJobs();
                int done = 0;
                if (calendar.isWorkingDay(day)) {
                    done = workOpenTasks(day);
                    attempt(() -> records.recordDue(day, random));
                    runDueJobs();
                }
                return done;
            });
            if (day.getDayOfMonth() == 1) {
                log.info("Demo city: replayed to {} ({} contacts, {} tasks done)", day, contacts, completed);
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        log.info("Demo city seeded: {} days, {} contacts, {} tasks done, {} jobs run, in {} s", days, contacts, completed, jobsRun, seconds);
        events.publishEvent(new DemoCitySeeded(contacts, completed, jobsRun, seconds));
    }

    /** One replay step at a time of a past day, under that day's guidance profile (live cases keep the configured one). */
    private int step(LocalDate day, LocalTime at, GuidanceProfile profile, Supplier<Integer> work) {
        return history.at(day.atTime(at).atZone(StatutoryTimescales.STATUTORY_ZONE).toInstant(), () -> {
            GuidanceProfile live = profiles.forNewCases();
            profiles.switchTo(profile);
            try {
                return work.get();
            } finally {
                profiles.switchTo(live);
            }
        });
    }

    /** Runs the replay's own due jobs (timers and asynchronous steps) at the replayed time. */
    private void runDueJobs() {
        for (int round = 0; round < JOB_ROUNDS; round++) {
            List<Job> due = management.createJobQuery().executable().list().stream().filter(this::ofTheCity).toList();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                    jobsRun++;
                } catch (RuntimeException e) {
                    // The engine counts the failure against the job's retries; a job that keeps failing stops being due.
                    log.debug("Demo job {} failed: {}", job.getId(), e.getMessage());
                }
            }
        }
    }

    private boolean ofTheCity(Job job) {
        String instanceId = job.getProcessInstanceId();
        if (instanceId == null) {
            return false;
        }
        return cityInstances.computeIfAbsent(instanceId, id -> {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
            return instance != null && cityCaseSet.contains(instance.getBusinessKey());
        });
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

    /** A child of the city; each has an NHS number, so a later contact about them links to them. */
    private record Known(String first, String last, LocalDate born, String team, String nhsNumber) {
    }

    private final List<Known> children = new ArrayList<>();
    private final Set<String> nhsNumbersGiven = new HashSet<>();

    private void receiveContact(LocalDate day) {
        // About one contact in seven is about a child already known: linked, often a re-referral.
        if (!children.isEmpty() && random.nextInt(7) == 0) {
            Known known = children.get(random.nextInt(children.size()));
            // Now and then the new concern is of significant harm: some of these children come back onto a plan.
            receive(day, known, random.nextInt(4) == 0 ? "SIGNIFICANT_HARM" : "CHILD_IN_NEED", false);
            return;
        }
        String team = random.nextBoolean() ? "team-north" : "team-south";
        int roll = random.nextInt(100);
        String level = roll < 15 ? "INFORMATION_REQUEST" : roll < 40 ? "LOW_LEVEL_NEED" : roll < 88 ? "CHILD_IN_NEED" : "SIGNIFICANT_HARM";
        boolean dv = random.nextInt(100) < 6;
        LocalDate born = day.minusDays(365L * (1 + random.nextInt(16)) + random.nextInt(365));
        Known known = new Known(FIRST_NAMES[random.nextInt(FIRST_NAMES.length)], LAST_NAMES[random.nextInt(LAST_NAMES.length)], born, team,
                nhsNumber());
        children.add(known);
        String caseRef = receive(day, known, level, dv);
        // About one new child in thirty moves in on another council's child protection plan: the transfer-in
        // conference is held and the plan runs here (now and then the child had a plan before that one).
        if (level.equals("SIGNIFICANT_HARM") && random.nextInt(4) == 0) {
            String side = team.substring(5);
            attempt(() -> plans.transferIn(caseRef, new HashMap<>(Map.of("conferenceHeldOn", day.toString(),
                    "categoryOfAbuse", DemoTaskValues.pick(random, "NEG", 5, "EMO", 3, "PHY", 1, "SAB", 1),
                    "originatingAuthority", "A neighbouring council", "previousPlansElsewhere", random.nextInt(3) == 0 ? 1 : 0,
                    "allocatedWorker", "worker." + side)), new CurrentUser("manager." + side, Set.of("team-manager", team))));
        }
    }

    private String receive(LocalDate day, Known known, String level, boolean dv) {
        String team = known.team();
        // Male or female, from the names (no draw from the random sequence, so the history stays the same):
        // the SSDA903 return takes only 1 or 2 (rule 101).
        var child = new ContactRequest.Child(known.first(), known.last(), known.born(), null, sexOf(known.first(), known.last()), "NOBT",
                TEAM_POSTCODES.get(team), known.nhsNumber(), null);
        OffsetDateTime receivedAt = day.atTime(9, 30).atZone(StatutoryTimescales.STATUTORY_ZONE).toOffsetDateTime();
        var registered = frontDoor.receive(new ContactRequest(child, dv ? "6" : "2A", receivedAt, "Demo history: concerns from a professional",
                level, false, dv, random.nextInt(10) < 8, null),
                new CurrentUser("worker." + team.substring(5), Set.of("practitioner", team)));
        if (cityCaseSet.add(registered.caseRef())) {
            cityCases.add(registered.caseRef());
        }
        return registered.caseRef();
    }

    static String sexOf(String first, String last) {
        return (first.length() + last.length()) % 2 == 0 ? "F" : "M";
    }

    /** A valid NHS number (modulus 11 check digit) not yet given to a child of the city. */
    private String nhsNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder("9");
            for (int i = 1; i < 9; i++) {
                digits.append(random.nextInt(10));
            }
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            String number = digits.toString() + check;
            if (check != 10 && nhsNumbersGiven.add(number)) {
                return number;
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
            for (Task task : openTasksOfTheCity()) {
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

    /**
     * The engine puts every business key into one IN list, and a database caps a statement's
     * parameters (PostgreSQL at 32,767): a large city's cases are asked for a thousand at a time.
     */
    private List<Task> openTasksOfTheCity() {
        List<Task> open = new ArrayList<>();
        for (int from = 0; from < cityCases.size(); from += CASES_PER_QUERY) {
            String[] keys = cityCases.subList(from, Math.min(cityCases.size(), from + CASES_PER_QUERY)).toArray(String[]::new);
            open.addAll(tasks.createTaskQuery().active().processInstanceBusinessKeyIn(keys).list());
        }
        return open;
    }

    /** Most work is done in time; about one task in eight is late by a few working days. */
    private LocalDate plan(Task task, LocalDate day) {
        if (StatutoryEscalationModel.PROCESS_ID.equals(processKey(task))) {
            return calendar.plusWorkingDays(day, 1);
        }
        LocalDate due = task.getDueDate() == null ? calendar.plusWorkingDays(day, 2)
                : task.getDueDate().toInstant().atZone(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
        if (random.nextInt(8) == 0) {
            return calendar.plusWorkingDays(due, 1 + random.nextInt(4));
        }
        int window = Math.max(0, calendar.workingDaysBetween(day, due));
        return calendar.plusWorkingDays(day, window == 0 ? 0 : random.nextInt(window + 1));
    }

    private boolean complete(Task task, LocalDate day) {
        if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
            // Gone since this pass began: the plan it belonged to ended at a review (a terminate end event).
            plannedFor.remove(task.getId());
            return false;
        }
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
            // A value the demo chose was refused: try again on a later day with fresh choices.
            plannedFor.put(task.getId(), calendar.plusWorkingDays(day, 1));
            log.debug("Demo task {} not completed: {}", task.getTaskDefinitionKey(), e.getMessage());
            return false;
        }
    }

    private String processKey(Task task) {
        return values.processKey(task);
    }
}
