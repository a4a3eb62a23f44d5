package uk.csc.workflow.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;

import uk.csc.workflow.casefile.ChildNames;

/**
 * A large city's history written straight into the product's tables with set-based SQL
 * ({@code generate_series}), in the shape the processes leave it: per collection year (1 April to
 * 31 March) 50,000 contacts, each with its case; 15,000 of them referrals with their allocation,
 * single assessment (on time or late), statutory clocks and the escalations of the late ones,
 * screening, case notes; section 47 enquiries, child protection plans (with review conferences,
 * core groups and visits) and child in need plans (reviews, visits); about 715 children who come
 * into care with their periods, SSDA903 episodes (a placement change about every 300 days),
 * placements, regulation 33 reviews, regulation 28 visits, school absence, OC2 outcomes, missing
 * episodes and care leavers. Years are added backwards from the newest, so the last year (the one
 * the indicators and returns are asked for) is the same at every size and only the history behind
 * it grows. Ids are given explicitly (batch {@code k} uses {@code k * 50,000 + n}), so one child,
 * id 1, has two cases in every year: the child with a long history. No engine rows: none of the
 * measured queries reads the engine.
 */
final class CityHistory {

    static final int CASES_PER_YEAR = 50_000;
    static final LocalDate NEWEST_YEAR_START = LocalDate.of(2026, 4, 1);
    /** The benchmark's today: just after the newest collection year ended. */
    static final LocalDate TODAY = LocalDate.of(2027, 4, 6);
    static final long LONG_HISTORY_CHILD = 1;

    static final String[] FIRST = {"Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow", "Rosie",
        "Sophia", "Isabella", "Grace", "Daisy", "Sienna", "Poppy", "Elsie", "Emily", "Ella", "Evelyn", "Phoebe", "Sofia", "Evie",
        "Charlotte", "Harper", "Matilda", "Aisha", "Maryam", "Zara", "Noah", "Muhammad", "George", "Oliver", "Leo", "Arthur", "Oscar",
        "Theodore", "Freddie", "Theo", "Harry", "Archie", "Jack", "Henry", "Charlie", "Finley", "Alfie", "Jacob", "Thomas", "Lucas",
        "Isaac", "Tommy", "Adam", "Yusuf", "Ibrahim", "Kai", "Reggie", "Ronnie", "Hamza", "Joshua"};
    static final String[] LAST = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Lewis",
        "James", "Phillips", "Mason", "Mitchell", "Rose", "Davis", "Rodriguez", "Cox", "Alexander", "Morgan", "Moore", "Martin", "Price",
        "Turner", "Hughes", "Edwards", "Hill", "Scott", "Young", "Baker", "Harris", "Martinez", "King", "Lee", "Cooper", "Ward", "Morris",
        "Hussain", "Ali", "Ahmed", "Begum", "Shah", "Iqbal", "Akhtar", "Singh", "Kaur", "Sharma", "Bibi", "Mahmood", "Rahman", "Islam",
        "Miah", "Uddin", "Akhtar", "Kelly", "Murphy", "Ryan", "Byrne", "Doyle", "Walsh", "Kennedy", "Lynch", "Murray", "Quinn",
        "Gallagher", "Campbell", "Stewart", "Anderson", "Macdonald", "Reid", "Ross", "Paterson", "Watson", "Fraser", "Henderson",
        "Nowak", "Kowalski", "Wisniewski", "Lewandowski", "Popescu", "Ionescu", "Silva", "Santos", "Ferreira", "Pereira", "Costa",
        "Okafor", "Adeyemi", "Mensah", "Owusu", "Boateng", "Osei", "Abdi", "Mohamed", "Hassan", "Farah", "Omar", "Yilmaz", "Kaya",
        "Demir", "Nguyen", "Tran", "Chen", "Wang", "Li", "Zhang", "Liu", "Barker", "Bennett", "Carter", "Chapman", "Collins", "Cook",
        "Dixon", "Ellis", "Fisher", "Foster", "Gray", "Griffiths", "Harrison", "Holmes", "Hunt", "Knight", "Lloyd", "Marshall",
        "Matthews", "Mills", "Owen", "Palmer", "Parker", "Pearson", "Richards", "Richardson", "Russell", "Saunders", "Shaw", "Simpson",
        "Webb", "Wells", "Hartley"};

    private final JdbcTemplate db;

    CityHistory(JdbcTemplate db) {
        this.db = db;
    }

    static LocalDate yearStart(int k) {
        return NEWEST_YEAR_START.minusYears(k);
    }

    /** The name keys of every pair of pool names, as the product stores them ({@link ChildNames#storedKeys}). */
    void prepareNames() {
        db.execute("DROP TABLE IF EXISTS bench_name_pool");
        db.execute("CREATE TABLE bench_name_pool (f INT NOT NULL, l INT NOT NULL, first_name VARCHAR(100), last_name VARCHAR(100), "
                + "name_key VARCHAR(24) NOT NULL)");
        List<Object[]> rows = new ArrayList<>();
        for (int f = 0; f < FIRST.length; f++) {
            for (int l = 0; l < LAST.length; l++) {
                for (String key : ChildNames.storedKeys(FIRST[f], LAST[l])) {
                    rows.add(new Object[] {f, l, FIRST[f], LAST[l], key});
                }
            }
        }
        db.batchUpdate("INSERT INTO bench_name_pool VALUES (?, ?, ?, ?, ?)", rows);
        db.execute("CREATE INDEX ON bench_name_pool (f, l)");
    }

    /** Year {@code k} back from the newest (0 = the newest), every table in one transaction per statement. */
    void generateYear(int k) {
        LocalDate ys = yearStart(k);
        long base = (long) k * CASES_PER_YEAR;
        String p = "'" + ys + "'::date";
        String today = "'" + TODAY + "'::date";
        long nf = FIRST.length;
        long nl = LAST.length;
        db.execute("SELECT setseed(" + (0.01 * (k + 1)) + ")");
        // Children: a new child for 4 contacts in 5; the 5th is a second contact about the child before.
        // Child 1 (the long history) has cases n = 1 and n = 11 of every year.
        exec("""
                INSERT INTO child (id, first_name, last_name, date_of_birth, sex, ethnicity, postcode, nhs_number, created_at, upn_unknown, uasc)
                SELECT B + n, fp.first_name, fp.last_name,
                       P + (n * 365 / 50001)::int - (CASE WHEN B + n = 1 THEN 5200 ELSE 30 + floor(random() * 6200)::int END),
                       CASE WHEN n % 2 = 0 THEN 'F' ELSE 'M' END,
                       (ARRAY['WBRI','WBRI','WBRI','APKN','AIND','BCRB','BAFR','MWBC','WOTH','CHNE'])[1 + (n % 10)],
                       (ARRAY['B23','B24','B6','B7','B8','B9','B10','B11','B12','B13'])[1 + (n % 10)] || ' ' || (n % 9 + 1) || 'AB',
                       (9000000000 + B + n)::text, (P + (n * 365 / 50001)::int)::timestamp AT TIME ZONE 'UTC', 'UN2', FALSE
                FROM generate_series(1, 50000) n
                JOIN (SELECT DISTINCT f, l, first_name, last_name FROM bench_name_pool) fp
                  ON fp.f = ((B + n) * 7 % NF) AND fp.l = (((B + n) * 13 + (B + n) / NF) % NL)
                WHERE n % 5 <> 0 AND (n NOT IN (1, 11) OR B + n = 1)""", base, p, today, nf, nl);
        exec("""
                INSERT INTO child_name_key (child_id, name_key)
                SELECT ch.id, k.name_key FROM child ch JOIN bench_name_pool k ON k.f = (ch.id * 7 % NF) AND k.l = ((ch.id * 13 + ch.id / NF) % NL)
                WHERE ch.id BETWEEN B + 1 AND B + 50000""", base, p, today, nf, nl);
        // Cases, one per contact. Referrals: n % 10 in (1, 4, 7); of them, looked after: n % 10 = 1 and (n / 10) % 7 = 0;
        // CP plan: n % 10 = 4 and (n / 10) % 5 = 0, or n = 11; CIN plan: n % 10 = 7 and (n / 10) % 5 <> 0.
        exec("""
                CREATE TEMP TABLE IF NOT EXISTS g_case (id BIGINT PRIMARY KEY, n INT, child_id BIGINT, team VARCHAR(64), worker VARCHAR(64),
                    manager VARCHAR(64), received DATE, referral BOOLEAN, route VARCHAR(4), assessed DATE, due DATE, ends DATE)""");
        exec("TRUNCATE g_case");
        exec("""
                INSERT INTO g_case
                SELECT B + n, n,
                       CASE WHEN n IN (1, 11) THEN 1 WHEN n % 5 = 0 THEN B + n - 1 ELSE B + n END,
                       CASE WHEN n % 2 = 0 THEN 'team-north' ELSE 'team-south' END,
                       CASE WHEN n % 2 = 0 THEN 'worker.north' ELSE 'worker.south' END,
                       CASE WHEN n % 2 = 0 THEN 'manager.north' ELSE 'manager.south' END,
                       P + (n * 365 / 50001)::int,
                       n % 10 IN (1, 4, 7),
                       CASE WHEN n % 10 = 1 AND ((n / 10) % 7 = 0) THEN 'LA'
                            WHEN (n % 10 = 4 AND (n / 10) % 5 = 0) OR n = 11 THEN 'CP'
                            WHEN n % 10 = 4 AND (n / 10) % 5 IN (1, 2) THEN 'S47'
                            WHEN n % 10 = 7 AND (n / 10) % 5 <> 0 THEN 'CIN'
                            WHEN n % 10 IN (1, 4, 7) THEN 'NFA' ELSE 'CON' END,
                       NULL, NULL, NULL
                FROM generate_series(1, 50000) n""", base, p, today, nf, nl);
        // The same present at every size: the newest year holds the children already in care when it began, with
        // their history (received years before); in older years, care and plans end before the newest year begins.
        if (k == 0) {
            exec("""
                    UPDATE g_case SET route = 'LA', received = received - (400 + floor(random() * 1800)::int)
                    WHERE n % 10 = 1 AND (n / 10) % 7 IN (1, 2, 3) AND n <> 11""");
        } else {
            exec("UPDATE g_case SET route = 'NFA' WHERE (route = 'LA' AND received + 90 >= N) OR (route = 'CP' AND received + 60 >= N) "
                    + "OR (route = 'CIN' AND received + 140 >= N)", base, p, today, nf, nl);
        }
        // The single assessment: due 45 working days (63 days) after the referral; 85% authorised on time.
        exec("""
                UPDATE g_case SET due = received + 64,
                       assessed = received + 1 + CASE WHEN random() < 0.85 THEN 15 + floor(random() * 48)::int ELSE 64 + floor(random() * 40)::int END
                WHERE referral""");
        exec("UPDATE g_case SET assessed = NULL WHERE assessed > T", base, p, today, nf, nl);
        exec("""
                UPDATE g_case SET ends = CASE route WHEN 'CP' THEN received + 30 + 120 + floor(random() * CASE WHEN n = 11 THEN 150 ELSE 480 END)::int
                                                  WHEN 'CIN' THEN assessed + 90 + floor(random() * 450)::int
                                                  WHEN 'LA' THEN received + 60 + 30 + floor(random() * CASE WHEN n = 1 THEN 200 ELSE 2160 END)::int
                                                  ELSE COALESCE(assessed, received) END""");
        if (k == 0) {
            exec("UPDATE g_case SET ends = N + floor(random() * 900)::int WHERE route = 'LA' AND received < N - 60", base, p, today, nf, nl);
        } else {
            exec("UPDATE g_case SET ends = N - 1 - floor(random() * 20)::int WHERE route IN ('LA', 'CP', 'CIN') AND ends >= N - 1",
                    base, p, today, nf, nl);
        }
        exec("UPDATE g_case SET ends = NULL WHERE ends > T OR (route = 'CIN' AND assessed IS NULL)", base, p, today, nf, nl);
        exec("""
                INSERT INTO care_case (id, case_ref, child_id, team, worker, profile, stage, outcome, re_referral, referral_date,
                                       opened_at, closed_at, received_on)
                SELECT id, 'CSC-' || extract(year FROM received)::int || '-' || lpad(id::text, 7, '0'), child_id, team,
                       CASE WHEN referral THEN worker END, 'WT2023',
                       CASE WHEN ends IS NOT NULL OR NOT referral THEN 'CLOSED'
                            WHEN route = 'LA' THEN 'LOOKED_AFTER' WHEN route = 'CP' THEN 'CHILD_PROTECTION'
                            WHEN route = 'CIN' THEN 'CHILD_IN_NEED' ELSE 'SINGLE_ASSESSMENT' END,
                       CASE WHEN NOT referral THEN (ARRAY['CLOSED_NO_FURTHER_ACTION','CLOSED_INFORMATION_AND_ADVICE','STEPPED_DOWN_TO_EARLY_HELP'])[1 + n % 3]
                            WHEN route = 'CP' THEN 'CHILD_PROTECTION_PLAN' WHEN route = 'CIN' THEN 'CHILD_IN_NEED_PLAN'
                            WHEN route = 'LA' THEN 'REFERRED_TO_PANEL' WHEN assessed IS NOT NULL THEN 'CLOSED_NO_FURTHER_ACTION' END,
                       referral AND n % 50 IN (1, 4, 7, 11, 14, 17, 21, 24, 27, 31), CASE WHEN referral THEN received + 1 END,
                       received + time '09:00', CASE WHEN NOT referral THEN received + 1 + time '16:00'
                                                     WHEN ends IS NOT NULL THEN ends + time '16:00' END, received
                FROM g_case""");
        exec("""
                INSERT INTO contact (id, case_id, received_at, received_on, referral_source, concerns, concern_level, immediate_risk,
                                     dv_notification, consent, routed_team, team_overridden, recorded_by, proposed_response,
                                     screening_decision, screened_by, screened_at, decision, decision_reason, decided_by, decided_at)
                SELECT id, id, received + time '09:00', received, (ARRAY['1A','2A','3A','3B','1C','2B'])[1 + n % 6],
                       'Generated history: the concerns a caller gave the front door about the child and the household, as recorded.',
                       CASE WHEN route IN ('CP', 'S47', 'LA') THEN 'SIGNIFICANT_HARM' WHEN referral THEN 'CHILD_IN_NEED' ELSE 'LOW_LEVEL_NEED' END,
                       FALSE, n % 17 = 0, TRUE, team, FALSE, worker, NULL,
                       CASE WHEN referral THEN 'REFER' END, CASE WHEN referral THEN manager END,
                       CASE WHEN referral THEN received + time '13:00' END,
                       CASE WHEN referral THEN 'ACCEPT_REFERRAL' ELSE (ARRAY['NO_FURTHER_ACTION','INFORMATION_AND_ADVICE','EARLY_HELP'])[1 + n % 3] END,
                       NULL, manager, received + 1 + time '11:00'
                FROM g_case""");
        exec("""
                INSERT INTO screening_contribution (contact_id, agency, information, risk_level, contributed_by, contributed_at)
                SELECT id, a.agency, 'Generated history: what the agency knows of the family.', 'MEDIUM', 'mash.police', received + time '12:00'
                FROM g_case CROSS JOIN (VALUES ('POLICE')) a(agency) WHERE referral""");
        // The front door's duplicate check: a second contact about a known child, confirmed by the worker.
        exec("INSERT INTO child_match_decision (case_id, child_id, decision, score, decided_by, decided_at) "
                + "SELECT id, child_id, 'CONFIRM', 95, worker, received + time '10:00' FROM g_case WHERE n % 5 = 0 OR (n = 11 AND id > 11)");
        exec("INSERT INTO allocation (case_id, team, worker, allocated_by, allocated_at) "
                + "SELECT id, team, worker, manager, received + 1 + time '15:00' FROM g_case WHERE referral");
        exec("""
                INSERT INTO assessment (id, case_id, kind, started_on, due_on, child_seen_on, completed_on, completed_by, category_of_need,
                                        summary, recommendation, authorised_by, authorised_on, outcome)
                SELECT id, id, 'SINGLE', received + 1, due, received + 4, assessed - 1, CASE WHEN assessed IS NOT NULL THEN worker END,
                       CASE WHEN assessed IS NOT NULL THEN (ARRAY['N1','N4','N5','N2','N3'])[1 + n % 5] END,
                       CASE WHEN assessed IS NOT NULL THEN 'Generated history: the assessment''s analysis and plan.' END,
                       CASE WHEN assessed IS NULL THEN NULL WHEN route = 'CIN' THEN 'CHILD_IN_NEED_PLAN' WHEN route IN ('CP', 'S47') THEN 'STRATEGY_DISCUSSION'
                            WHEN route = 'LA' THEN 'PANEL' ELSE 'CLOSE' END,
                       CASE WHEN assessed IS NOT NULL THEN manager END, assessed,
                       CASE WHEN assessed IS NULL THEN NULL WHEN route = 'CIN' THEN 'CHILD_IN_NEED_PLAN' WHEN route IN ('CP', 'S47') THEN 'STRATEGY_DISCUSSION'
                            WHEN route = 'LA' THEN 'PANEL' ELSE 'CLOSE' END
                FROM g_case WHERE referral""");
        exec("INSERT INTO assessment_factor (assessment_id, code) SELECT id, (ARRAY['1A','2A','3A','4A','3C'])[1 + n % 5] FROM g_case "
                + "WHERE referral AND assessed IS NOT NULL");
        exec("INSERT INTO child_disability (child_id, code) SELECT DISTINCT child_id, 'NONE' FROM g_case WHERE referral "
                + "AND NOT EXISTS (SELECT 1 FROM child_disability d WHERE d.child_id = g_case.child_id)");
        // Statutory clocks: the referral decision (every contact) and the assessment (every referral); escalations of the late ones.
        exec("""
                INSERT INTO statutory_deadline (id, case_id, rule, occurrence, profile, started_on, due_on, due_at, completed_on)
                SELECT id * 4, id, 'REFERRAL_DECISION', '', 'WT2023', received, received + 1, (received + 1 + time '23:59') AT TIME ZONE 'UTC',
                       received + 1 FROM g_case
                UNION ALL
                SELECT id * 4 + 1, id, 'SINGLE_ASSESSMENT', '', 'WT2023', received + 1, due, (due + time '23:59') AT TIME ZONE 'UTC', assessed
                FROM g_case WHERE referral""");
        exec("""
                INSERT INTO escalation (case_id, deadline_id, rule, level, team, due_on, raised_at, notified, acknowledged_by, acknowledged_at,
                                        resolved_by, resolved_at, resolution, acknowledgement_note)
                SELECT id, id * 4 + 1, 'SINGLE_ASSESSMENT', l.level, team, due, (due + l.after + time '08:00') AT TIME ZONE 'UTC',
                       CASE l.level WHEN 'REMINDER' THEN worker WHEN 'TEAM_MANAGER' THEN manager ELSE 'service.manager' END,
                       CASE WHEN l.level <> 'REMINDER' THEN manager END,
                       CASE WHEN l.level <> 'REMINDER' THEN (due + l.after + time '10:00') AT TIME ZONE 'UTC' END,
                       CASE WHEN assessed IS NOT NULL THEN manager END,
                       CASE WHEN assessed IS NOT NULL THEN (assessed + time '17:00') AT TIME ZONE 'UTC' END,
                       CASE WHEN assessed IS NOT NULL THEN 'Assessment authorised.' END,
                       CASE WHEN l.level <> 'REMINDER' THEN 'Seen; a plan to finish it agreed with the worker.' END
                FROM g_case JOIN (VALUES ('REMINDER', -2), ('TEAM_MANAGER', 1), ('SERVICE_MANAGER', 10)) l(level, after)
                  ON due + l.after <= COALESCE(assessed, T)
                WHERE referral AND (assessed IS NULL OR assessed > due) AND due < T""", base, p, today, nf, nl);
        // Four case notes a referral.
        exec("""
                INSERT INTO case_note (case_id, note_type, occurred_on, note_text, written_by, written_at)
                SELECT id, (ARRAY['VISIT','PHONE_CALL','MEETING','MANAGEMENT_OVERSIGHT'])[i], received + 2 + i * 9,
                       'Generated history: what the worker saw and heard on the day, what the child said, who else was there, '
                       || 'and what was agreed with the family and the professionals about the next steps.',
                       CASE WHEN i = 4 THEN manager ELSE worker END, (received + 2 + i * 9 + time '17:30') AT TIME ZONE 'UTC'
                FROM g_case CROSS JOIN generate_series(1, 4) i WHERE referral AND received + 2 + i * 9 <= T""", base, p, today, nf, nl);
        // Section 47 enquiries; a conference and a child protection plan for the CP route.
        exec("""
                INSERT INTO child_protection_enquiry (case_id, strategy_held_on, strategy_attendees, strategy_decision, s47_concluded_on,
                                                      s47_outcome, conference_held_on, conference_outcome, category_of_abuse, next_step, recorded_by)
                SELECT id, received + 5, 'Police, health, children''s social care', 'START_S47', received + 15,
                       CASE WHEN route = 'CP' THEN 'CONCERNS_SUBSTANTIATED' ELSE 'NOT_SUBSTANTIATED' END,
                       CASE WHEN route = 'CP' THEN received + 30 END, CASE WHEN route = 'CP' THEN 'CP_PLAN' END,
                       CASE WHEN route = 'CP' THEN (ARRAY['NEG','EMO','PHY','SAB','MUL'])[1 + n % 5] END, NULL, worker
                FROM g_case WHERE route IN ('CP', 'S47') AND received + 30 <= T""", base, p, today, nf, nl);
        exec("""
                INSERT INTO child_plan (id, kind, case_id, child_id, source, started_on, category, plan_number, started_by, started_at,
                                        ended_on, ending, ended_by, agreed_on, agreed_by, closure_reason)
                SELECT id, 'CP', id, child_id, 'INITIAL_CONFERENCE', received + 30, (ARRAY['NEG','EMO','PHY','SAB','MUL'])[1 + n % 5],
                       CASE WHEN n % 50 = 4 OR n = 11 THEN 2 ELSE 1 END, manager, (received + 30 + time '12:00') AT TIME ZONE 'UTC',
                       ends, CASE WHEN ends IS NOT NULL THEN 'STEP_DOWN_TO_CHILD_IN_NEED' END, CASE WHEN ends IS NOT NULL THEN manager END,
                       NULL, NULL, NULL
                FROM g_case WHERE route = 'CP' AND received + 30 <= T
                UNION ALL
                SELECT id, 'CIN', id, child_id, 'REFERRAL_ROUTE', assessed, NULL, NULL, manager, (assessed + time '12:00') AT TIME ZONE 'UTC',
                       ends, CASE WHEN ends IS NOT NULL THEN 'CLOSE' END, CASE WHEN ends IS NOT NULL THEN manager END,
                       assessed + 5, worker, CASE WHEN ends IS NOT NULL THEN 'RC1' END
                FROM g_case WHERE route = 'CIN' AND assessed IS NOT NULL""", base, p, today, nf, nl);
        // What the plans schedule: CP reviews (3 months, then 6-monthly), core groups (monthly), visits (every 14 days);
        // CIN reviews (3-monthly) and visits (every 28 days). One in ten is late; the next one open.
        exec("""
                INSERT INTO plan_item (plan_id, case_id, kind, number, rule, occurrence, counted_from, due_on, done_on, late, recorded_by)
                SELECT pl.id, pl.case_id, s.kind, s.i, s.rule, s.kind || '-' || s.i, s.due - s.gap, s.due,
                       CASE WHEN s.due + 10 > T THEN NULL WHEN random() < 0.9 THEN s.due - 2 ELSE s.due + 9 END, FALSE,
                       CASE WHEN s.due + 10 <= T THEN 'worker.north' END
                FROM child_plan pl
                CROSS JOIN LATERAL (
                    SELECT 'REVIEW' AS kind, i, CASE WHEN i = 1 THEN 'CP_REVIEW_FIRST' ELSE 'CP_REVIEW_NEXT' END AS rule,
                           pl.started_on + CASE WHEN i = 1 THEN 91 ELSE 91 + (i - 1) * 182 END AS due, CASE WHEN i = 1 THEN 91 ELSE 182 END AS gap
                    FROM generate_series(1, 5) i WHERE pl.kind = 'CP'
                    UNION ALL SELECT 'CORE_GROUP', i, CASE WHEN i = 1 THEN 'CORE_GROUP_FIRST' ELSE 'CORE_GROUP_NEXT' END,
                           pl.started_on + 14 + (i - 1) * 30, 30 FROM generate_series(1, 21) i WHERE pl.kind = 'CP'
                    UNION ALL SELECT 'VISIT', i, 'CP_VISIT', pl.started_on + i * 14, 14 FROM generate_series(1, 45) i WHERE pl.kind = 'CP'
                    UNION ALL SELECT 'REVIEW', i, 'CIN_PLAN_REVIEW', pl.started_on + i * 91, 91 FROM generate_series(1, 6) i WHERE pl.kind = 'CIN'
                    UNION ALL SELECT 'VISIT', i, 'CIN_VISIT', pl.started_on + i * 28, 28 FROM generate_series(1, 20) i WHERE pl.kind = 'CIN') s
                WHERE pl.id BETWEEN B + 1 AND B + 50000 AND s.due <= COALESCE(pl.ended_on, T + s.gap) AND s.due - s.gap <= T""",
                base, p, today, nf, nl);
        exec("UPDATE plan_item SET late = done_on > due_on WHERE plan_id BETWEEN B + 1 AND B + 50000 AND done_on IS NOT NULL",
                base, p, today, nf, nl);
        // Children in care: a period from 60 days after the referral, for 30 days to 6 years.
        exec("""
                INSERT INTO looked_after_period (id, case_id, child_id, started_on, ended_on, reason_ceased, started_by, ended_by)
                SELECT id, id, child_id, received + 60, ends, CASE WHEN ends IS NOT NULL THEN (ARRAY['E4A','E13','E45','E11','E8'])[1 + n % 5] END,
                       manager, CASE WHEN ends IS NOT NULL THEN manager END
                FROM g_case WHERE route = 'LA' AND received + 60 <= T""", base, p, today, nf, nl);
        exec("""
                INSERT INTO looked_after_episode (id, period_id, case_id, started_on, reason_new_episode, legal_status, placement_type,
                                                  placement_provider, ended_on, reason_ceased, recorded_by, recorded_at)
                SELECT p.id * 10 + i, p.id, p.case_id, p.started_on + i * 300, CASE WHEN i = 0 THEN 'S' ELSE 'P' END,
                       CASE WHEN i = 0 AND p.id % 3 = 0 THEN 'V2' ELSE 'C2' END,
                       (ARRAY['U4','U5','U4','K2','U1','U6','R1'])[1 + (p.id + i) % 7], (ARRAY['PR1','PR4','PR1','PR5'])[1 + (p.id + i) % 4],
                       CASE WHEN p.started_on + (i + 1) * 300 <= COALESCE(p.ended_on, T) THEN p.started_on + (i + 1) * 300 ELSE p.ended_on END,
                       CASE WHEN p.started_on + (i + 1) * 300 <= COALESCE(p.ended_on, T) THEN 'X1' ELSE p.reason_ceased END,
                       'worker.north', (p.started_on + i * 300 + time '12:00') AT TIME ZONE 'UTC'
                FROM looked_after_period p CROSS JOIN generate_series(0, 8) i
                WHERE p.id BETWEEN B + 1 AND B + 50000 AND p.started_on + i * 300 <= COALESCE(p.ended_on, T)
                  AND (i = 0 OR p.started_on + i * 300 < COALESCE(p.ended_on, T))""", base, p, today, nf, nl);
        exec("""
                INSERT INTO placement (case_id, start_on, legal_status, placement_type, provider, emergency, recorded_by, recorded_at)
                SELECT case_id, started_on, legal_status, placement_type, placement_provider, FALSE, recorded_by, recorded_at
                FROM looked_after_episode WHERE period_id BETWEEN B + 1 AND B + 50000""", base, p, today, nf, nl);
        exec("""
                INSERT INTO looked_after_review (period_id, case_id, sequence_number, rule, counted_from, due_on, held_on, participation, late,
                                                 late_reason, recorded_by, signed_off_by, signed_off_on)
                SELECT p.id, p.case_id, i, CASE WHEN i = 1 THEN 'LAC_REVIEW_FIRST' WHEN i = 2 THEN 'LAC_REVIEW_SECOND' ELSE 'LAC_REVIEW_NEXT' END,
                       p.started_on + d.prev, p.started_on + d.due,
                       CASE WHEN p.started_on + d.due + 6 > T THEN NULL WHEN random() < 0.9 THEN p.started_on + d.due - 3 ELSE p.started_on + d.due + 6 END,
                       NULL, FALSE, NULL, NULL, NULL, NULL
                FROM looked_after_period p CROSS JOIN generate_series(1, 14) i
                CROSS JOIN LATERAL (SELECT CASE WHEN i = 1 THEN 28 WHEN i = 2 THEN 119 ELSE 119 + (i - 2) * 182 END AS due,
                                           CASE WHEN i = 1 THEN 0 WHEN i = 2 THEN 28 ELSE 119 + (i - 3) * 182 END AS prev) d
                WHERE p.id BETWEEN B + 1 AND B + 50000 AND p.started_on + d.prev <= COALESCE(p.ended_on, T)
                  AND p.started_on + d.due <= COALESCE(p.ended_on, T + 183)""", base, p, today, nf, nl);
        exec("""
                UPDATE looked_after_review r SET late = r.held_on > r.due_on,
                       late_reason = CASE WHEN r.held_on > r.due_on THEN 'The child was unwell on the day.' END,
                       participation = CASE WHEN ch.date_of_birth > r.held_on - 1461 THEN 'PN0' ELSE 'PN' || (1 + r.id % 7) END,
                       recorded_by = 'worker.north', signed_off_by = 'manager.north', signed_off_on = r.held_on + 5
                FROM looked_after_period p JOIN child ch ON ch.id = p.child_id
                WHERE p.id = r.period_id AND r.held_on IS NOT NULL AND p.id BETWEEN B + 1 AND B + 50000""", base, p, today, nf, nl);
        exec("""
                INSERT INTO looked_after_visit (episode_id, case_id, sequence_number, rule, counted_from, due_on, visited_on, seen_alone, visited_by)
                SELECT p.id * 10 + LEAST((v * 42) / 300, e.last), p.case_id, v, CASE WHEN v = 1 THEN 'VISIT_FIRST' ELSE 'VISIT_NEXT' END,
                       p.started_on + (v - 1) * 42, p.started_on + v * 42,
                       CASE WHEN p.started_on + v * 42 <= T THEN p.started_on + v * 42 - 2 END, TRUE,
                       CASE WHEN p.started_on + v * 42 <= T THEN 'worker.north' END
                FROM looked_after_period p CROSS JOIN generate_series(1, 53) v
                CROSS JOIN LATERAL (SELECT MAX(id) - p.id * 10 AS last FROM looked_after_episode WHERE period_id = p.id) e
                WHERE p.id BETWEEN B + 1 AND B + 50000 AND p.started_on + v * 42 <= COALESCE(p.ended_on, T + 42)""",
                base, p, today, nf, nl);
        exec("""
                INSERT INTO school_absence (case_id, term_ends_on, days_absent, recorded_by, recorded_at)
                SELECT p.case_id, t.d, floor(random() * 35)::int, 'worker.north', (t.d + 10 + time '12:00') AT TIME ZONE 'UTC'
                FROM looked_after_period p
                JOIN (SELECT make_date(y, m, dd) AS d FROM generate_series(2005, 2027) y,
                             (VALUES (12, 19), (4, 2), (7, 21)) md(m, dd)) t
                  ON t.d > p.started_on AND t.d <= COALESCE(p.ended_on, T) AND t.d + 10 <= T
                WHERE p.id BETWEEN B + 1 AND B + 50000""", base, p, today, nf, nl);
        exec("""
                INSERT INTO looked_after_outcome (case_id, year_start, sdq_score, convicted, health_check, immunisations, teeth_check,
                                                  health_assessment, substance_misuse, recorded_by, recorded_at)
                SELECT p.case_id, y, 10 + p.id % 20, FALSE, TRUE, TRUE, TRUE, TRUE, FALSE, 'worker.north',
                       (make_date(y + 1, 4, 20) + time '12:00') AT TIME ZONE 'UTC'
                FROM looked_after_period p CROSS JOIN generate_series(2005, 2026) y
                WHERE p.id BETWEEN B + 1 AND B + 50000 AND p.started_on <= make_date(y, 3, 31)
                  AND (p.ended_on IS NULL OR p.ended_on >= make_date(y + 1, 3, 31)) AND make_date(y + 1, 3, 31) <= T""",
                base, p, today, nf, nl);
        exec("""
                INSERT INTO missing_episode (case_id, kind, started_on, ended_on, recorded_by, recorded_at)
                SELECT case_id, 'M', started_on + 100, started_on + 102, 'worker.north', (started_on + 102 + time '12:00') AT TIME ZONE 'UTC'
                FROM looked_after_period WHERE id BETWEEN B + 1 AND B + 50000 AND id % 10 = 1
                  AND started_on + 102 <= COALESCE(ended_on, T)""", base, p, today, nf, nl);
        exec("""
                INSERT INTO care_leaver (case_id, nineteenth_birthday, accommodation, in_touch, activity, recorded_by, recorded_at)
                SELECT p.case_id, ch.date_of_birth + interval '19 years', (ARRAY['U1','B1','S1','T2','K1'])[1 + p.id % 5], 'YES',
                       (ARRAY['F1','F2','G4','P1'])[1 + p.id % 4], 'worker.north',
                       (ch.date_of_birth + interval '19 years' + time '12:00') AT TIME ZONE 'UTC'
                FROM looked_after_period p JOIN child ch ON ch.id = p.child_id
                WHERE p.id BETWEEN B + 1 AND B + 50000 AND p.started_on - ch.date_of_birth > 15 * 365
                  AND ch.date_of_birth + interval '19 years' <= T""", base, p, today, nf, nl);
    }

    /** Moves the identity columns and the case reference past the generated ids; fresh statistics. */
    void finish() {
        for (String table : List.of("child", "care_case", "contact", "assessment", "statutory_deadline", "child_plan",
                "looked_after_period", "looked_after_episode")) {
            db.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), (SELECT MAX(id) FROM " + table + "))");
        }
        db.execute("SELECT setval('case_reference_seq', (SELECT MAX(id) FROM care_case))");
        db.execute("VACUUM ANALYZE");
    }

    private void exec(String sql) {
        db.execute(sql);
    }

    private void exec(String sql, long base, String p, String today, long nf, long nl) {
        db.execute(sql.replace("B + ", base + " + ").replace("P + ", p + " + ").replace(" P ", " " + p + " ")
                .replace("T + ", today + " + ").replace(", T)", ", " + today + ")").replace("> T", "> " + today)
                .replace("<= T", "<= " + today).replace("< T", "< " + today)
                .replace("% NF", "% " + nf).replace("/ NF", "/ " + nf).replace("% NL", "% " + nl)
                .replace(">= N", ">= '" + NEWEST_YEAR_START + "'::date").replace("< N", "< '" + NEWEST_YEAR_START + "'::date")
                .replace("= N ", "= '" + NEWEST_YEAR_START + "'::date ").replace("N - ", "'" + NEWEST_YEAR_START + "'::date - "));
    }

    static String describe() {
        return String.format(Locale.ROOT, "%,d contacts a year", CASES_PER_YEAR);
    }
}
