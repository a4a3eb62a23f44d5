package uk.csc.workflow.returns;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import uk.csc.workflow.codes.CollectionYear;
import uk.csc.workflow.returns.ReturnFacts.ChildFacts;
import uk.csc.workflow.returns.ReturnFacts.Episode;

/**
 * The SSDA903 return (children looked after) for a collection year, as the DfE's CSV tables with the
 * DfE's column names (those of the DfE's 903 specification, as the public validator
 * data-to-insight/csc-validator-be-903 reads them) and dates as DD/MM/YYYY. A child is in the return
 * when an episode of care is open on any day of the year; an episode (or review, missing episode)
 * after 31 March is left out, and an episode still open on 31 March has no DEC or REC.
 */
final class Ssda903Return {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static final String HEADER = "Header";
    static final String EPISODES = "Episodes";
    static final String REVIEWS = "Reviews";
    static final String UASC = "UASC";
    static final String OC2 = "OC2";
    static final String OC3 = "OC3";
    static final String AD1 = "AD1";
    static final String PLACED_ADOPTION = "PlacedAdoption";
    static final String PREV_PERM = "PrevPerm";
    static final String MISSING = "Missing";
    static final String SW_EPISODES = "SW_Episodes";

    static final Map<String, List<String>> COLUMNS = columns();

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> c = new LinkedHashMap<>();
        c.put(HEADER, List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"));
        c.put(EPISODES, List.of("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"));
        c.put(REVIEWS, List.of("CHILD", "DOB", "REVIEW", "REVIEW_CODE"));
        c.put(UASC, List.of("CHILD", "SEX", "DOB", "DUC"));
        c.put(OC2, List.of("CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
                "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"));
        c.put(OC3, List.of("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"));
        c.put(AD1, List.of("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"));
        c.put(PLACED_ADOPTION, List.of("CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"));
        c.put(PREV_PERM, List.of("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"));
        c.put(MISSING, List.of("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"));
        c.put(SW_EPISODES, List.of("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"));
        return java.util.Collections.unmodifiableMap(c);
    }

    /** The file of each table in the zip. */
    static String fileOf(String table) {
        return switch (table) {
            case HEADER -> "header.csv";
            case EPISODES -> "episodes.csv";
            case REVIEWS -> "reviews.csv";
            case UASC -> "uasc.csv";
            case OC2 -> "oc2.csv";
            case OC3 -> "oc3.csv";
            case AD1 -> "ad1.csv";
            case PLACED_ADOPTION -> "placed_for_adoption.csv";
            case PREV_PERM -> "previous_permanence.csv";
            case MISSING -> "missing.csv";
            case SW_EPISODES -> "social_worker_episodes.csv";
            default -> throw new IllegalArgumentException(table);
        };
    }

    /** ADOPTED: reasons an episode ceased with an adoption order. */
    private static final Set<String> ADOPTED = Set.of("E11", "E12");
    /** Short breaks are not counted as continuously looked after (OC2). */
    private static final Set<String> SHORT_BREAKS = Set.of("V3", "V4");

    private Ssda903Return() {
    }

    /** The tables, in the DfE's order, keyed by table name. */
    static Map<String, Table> build(ReturnFacts facts, CollectionYear year) {
        Map<String, Table> t = new LinkedHashMap<>();
        COLUMNS.forEach((name, cols) -> t.put(name, new Table(fileOf(name), cols)));
        LocalDate start = year.start();
        LocalDate end = year.end();
        for (ChildFacts f : facts.children().values()) {
            List<Episode> episodes = f.episodes.stream()
                    .filter(e -> !e.start().isAfter(end) && (e.end() == null || !e.end().isBefore(start))).toList();
            if (episodes.isEmpty()) {
                careLeaverOnly(f, year, t);
                continue;
            }
            String child = f.childId();
            String dob = date(f.child().born());
            t.get(HEADER).add(child, sex(f.child().sex()), dob, f.child().ethnicity(), upn(f.child()),
                    f.child().mother() == null ? "" : f.child().mother() ? "1" : "0", date(f.child().motherChildBorn()));
            for (Episode e : episodes) {
                boolean endedInYear = e.end() != null && !e.end().isAfter(end);
                t.get(EPISODES).add(child, date(e.start()), e.rne(), e.legalStatus(), categoryOfNeed(f, e), e.placement(), e.provider(),
                        endedInYear ? date(e.end()) : "", endedInYear ? e.reasonCeased() : "", "", "", "", "");
            }
            f.reviews.stream().filter(r -> year.contains(r.heldOn()))
                    .forEach(r -> t.get(REVIEWS).add(child, dob, date(r.heldOn()), nz(r.participation())));
            if (f.child().uasc()) {
                t.get(UASC).add(child, sex(f.child().sex()), dob, date(f.child().uascCeasedOn()));
            }
            if (continuouslyLookedAfterForTwelveMonths(f, year)) {
                Optional<ReturnFacts.Outcome> o = f.outcomes.stream().filter(x -> x.yearStart() == year.startYear()).findFirst();
                t.get(OC2).add(child, dob, o.map(x -> x.sdqScore() == null ? "" : x.sdqScore().toString()).orElse(""),
                        o.map(x -> nz(x.sdqReason())).orElse(""), flag(o.map(ReturnFacts.Outcome::convicted)),
                        flag(o.map(ReturnFacts.Outcome::healthCheck)), flag(o.map(ReturnFacts.Outcome::immunisations)),
                        flag(o.map(ReturnFacts.Outcome::teethCheck)), flag(o.map(ReturnFacts.Outcome::healthAssessment)),
                        flag(o.map(ReturnFacts.Outcome::substanceMisuse)), flag(o.map(ReturnFacts.Outcome::interventionReceived)),
                        flag(o.map(ReturnFacts.Outcome::interventionOffered)));
            }
            oc3(f, year, t);
            boolean adoptedInYear = episodes.stream().anyMatch(e -> e.end() != null && year.contains(e.end())
                    && in(ADOPTED, e.reasonCeased()));
            for (ReturnFacts.Adoption a : f.adoptions) {
                if (adoptedInYear) {
                    t.get(AD1).add(child, dob, date(a.decidedOn()), date(a.matchedOn()), flag(Optional.ofNullable(a.fosterCare())),
                            a.adoptersNumber() == null ? "" : a.adoptersNumber().toString(), nz(a.adoptersSex()),
                            nz(a.adoptersLegalStatus()));
                }
                if (!a.decidedOn().isAfter(end) && (a.noLongerOn() == null || !a.noLongerOn().isBefore(start))) {
                    boolean ceasedInYear = a.noLongerOn() != null && !a.noLongerOn().isAfter(end);
                    t.get(PLACED_ADOPTION).add(child, dob, date(a.decidedOn()), ceasedInYear ? date(a.noLongerOn()) : "",
                            ceasedInYear ? nz(a.noLongerReason()) : "");
                }
            }
            boolean startedCareInYear = episodes.stream().anyMatch(e -> "S".equals(e.rne()) && year.contains(e.start()));
            if (startedCareInYear) {
                Optional<ReturnFacts.PreviousPermanence> p = f.previousPermanence.stream().findFirst();
                t.get(PREV_PERM).add(child, dob, p.map(x -> x.prevPerm()).orElse(""), p.map(x -> nz(x.laPerm())).orElse(""),
                        p.map(x -> date(x.datePerm())).orElse(""));
            }
            f.missing.stream().filter(m -> !m.start().isAfter(end) && (m.end() == null || !m.end().isBefore(start)))
                    .forEach(m -> t.get(MISSING).add(child, dob, m.kind(), date(m.start()),
                            m.end() != null && !m.end().isAfter(end) ? date(m.end()) : ""));
            socialWorkerEpisodes(f, episodes, year, t);
        }
        return t;
    }

    /** A care leaver no longer looked after in the year: only OC3 (and their header row). */
    private static void careLeaverOnly(ChildFacts f, CollectionYear year, Map<String, Table> t) {
        int before = t.get(OC3).rows().size();
        oc3(f, year, t);
        if (t.get(OC3).rows().size() > before) {
            t.get(HEADER).add(f.childId(), sex(f.child().sex()), date(f.child().born()), f.child().ethnicity(), upn(f.child()),
                    f.child().mother() == null ? "" : f.child().mother() ? "1" : "0", date(f.child().motherChildBorn()));
        }
    }

    /** OC3: a care leaver whose 17th to 21st birthday falls in the year. */
    private static void oc3(ChildFacts f, CollectionYear year, Map<String, Table> t) {
        LocalDate born = f.child().born();
        if (born == null || f.careLeavers.isEmpty()) {
            return;
        }
        boolean birthdayInYear = false;
        for (int age = 17; age <= 21; age++) {
            birthdayInYear |= year.contains(born.plusYears(age));
        }
        if (birthdayInYear) {
            ReturnFacts.CareLeaver c = f.careLeavers.get(0);
            t.get(OC3).add(f.childId(), date(born), nz(c.inTouch()), nz(c.activity()), nz(c.accommodation()));
        }
    }

    /** Looked after on 31 March and throughout the twelve months before (not on short breaks). */
    static boolean continuouslyLookedAfterForTwelveMonths(ChildFacts f, CollectionYear year) {
        LocalDate from = year.start();
        LocalDate to = year.end();
        // Episodes of one period follow each other without a gap: find the period open on 31 March.
        return f.episodes.stream().filter(e -> !e.start().isAfter(to) && (e.end() == null || e.end().isAfter(to)))
                .findFirst().map(last -> {
                    List<Episode> period = f.episodes.stream().filter(e -> e.periodId() == last.periodId()).toList();
                    LocalDate periodStart = period.stream().map(Episode::start).min(LocalDate::compareTo).orElse(last.start());
                    boolean shortBreaks = period.stream().filter(e -> e.end() == null || !e.end().isBefore(from))
                            .anyMatch(e -> in(SHORT_BREAKS, e.legalStatus()));
                    return !periodStart.isAfter(from) && !shortBreaks;
                }).orElse(false);
    }

    /** The allocated social worker of the child's looked-after cases over the year, one row per allocation. */
    private static void socialWorkerEpisodes(ChildFacts f, List<Episode> episodes, CollectionYear year, Map<String, Table> t) {
        Set<Long> cases = new java.util.HashSet<>();
        episodes.forEach(e -> cases.add(e.caseId()));
        List<ReturnFacts.Allocation> allocations = f.allocations.stream().filter(a -> cases.contains(a.caseId())).toList();
        for (int i = 0; i < allocations.size(); i++) {
            ReturnFacts.Allocation a = allocations.get(i);
            LocalDate next = i + 1 < allocations.size() ? allocations.get(i + 1).on() : null;
            if (a.on().isAfter(year.end()) || (next != null && next.isBefore(year.start()))) {
                continue;
            }
            boolean endedInYear = next != null && !next.isAfter(year.end());
            t.get(SW_EPISODES).add(f.childId(), date(f.child().born()), a.worker(), date(a.on()), endedInYear ? date(next) : "", "");
        }
    }

    /**
     * CIN: the category of need of the child's latest assessment made by the episode's start (or the
     * earliest after it); N1 for a child who came into care on the significant-harm route before any
     * assessment recorded one.
     */
    static String categoryOfNeed(ChildFacts f, Episode e) {
        String before = null;
        String after = null;
        for (ReturnFacts.Assessment a : f.assessments) {
            if (a.categoryOfNeed() == null) {
                continue;
            }
            if (!a.started().isAfter(e.start())) {
                before = a.categoryOfNeed();
            } else if (after == null) {
                after = a.categoryOfNeed();
            }
        }
        if (before != null || after != null) {
            return before != null ? before : after;
        }
        // No assessment recorded one: a child who came into care through the significant-harm route (a
        // strategy discussion, a section 47 enquiry or a child protection plan before the episode) is N1,
        // abuse or neglect.
        boolean significantHarm = f.cases.stream().anyMatch(c -> "STRATEGY_DISCUSSION".equals(c.contactDecision())
                && (c.receivedOn() == null || !c.receivedOn().isAfter(e.start())))
                || f.enquiries.stream().anyMatch(q -> !q.strategyOn().isAfter(e.start()))
                || f.plans("CP").stream().anyMatch(p -> !p.start().isAfter(e.start()));
        return significantHarm ? "N1" : "";
    }

    /** 903 SEX: 1 male, 2 female; blank when not known (the validation reports it). */
    static String sex(String sex) {
        return switch (sex == null ? "" : sex) {
            case "M" -> "1";
            case "F" -> "2";
            default -> "";
        };
    }

    /** Whether a code that may be missing is one of {@code codes} (Set.of refuses to look up null). */
    static boolean in(Set<String> codes, String code) {
        return code != null && codes.contains(code);
    }

    static String upn(ReturnFacts.Child child) {
        return child.upn() != null && !child.upn().isBlank() ? child.upn() : nz(child.upnUnknown());
    }

    static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String flag(Optional<Boolean> value) {
        return value.map(v -> v ? "1" : "0").orElse("");
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    /** The tables in the DfE's order, for the zip. */
    static List<Table> inOrder(Map<String, Table> tables) {
        return new ArrayList<>(tables.values());
    }
}
