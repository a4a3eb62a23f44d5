package uk.csc.workflow.returns;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import uk.csc.workflow.returns.ReturnFacts.Case;
import uk.csc.workflow.returns.ReturnFacts.ChildFacts;

/**
 * Ofsted's Annex A (ILACS) lists 1 to 11 for an 'as at' date and a look-back period, one sheet per
 * list in the order Ofsted publishes them; every list carries the allocated team and worker of the
 * child's case. Dates are DD/MM/YYYY as in Ofsted's template.
 */
final class AnnexAReturn {

    /** A list: its sheet name, title and columns (the last two always allocated team and worker). */
    record AnnexList(String sheet, String title, List<String> columns, List<List<String>> rows) {
    }

    private static final Set<String> SPECIAL_GUARDIANSHIP = Set.of("E45", "E46", "E47", "E48");
    private static final Set<String> ADOPTED = Set.of("E11", "E12");

    private AnnexAReturn() {
    }

    static List<AnnexList> build(ReturnFacts facts, LocalDate asAt, LocalDate from) {
        List<AnnexList> lists = List.of(
                list("List 1", "List 1: Contacts", "Date of contact", "Contact source"),
                list("List 2", "List 2: Early help", "Date early help started"),
                list("List 3", "List 3: Referrals", "Referral date", "Referral source", "Referral within 12 months of a previous referral",
                        "Referral resulted in no further action"),
                list("List 4", "List 4: Assessments", "Assessment start date", "Assessment type", "Date child seen",
                        "Assessment authorised date"),
                list("List 5", "List 5: Section 47 enquiries and initial child protection conferences", "Strategy discussion date",
                        "Section 47 start date", "Date of initial child protection conference", "Conference outcome"),
                list("List 6", "List 6: Children in need", "Referral date", "Primary need", "CIN plan start date", "Case closure date"),
                list("List 7", "List 7: Child protection", "Child protection plan start date", "Initial category of abuse",
                        "Latest category of abuse", "Number of previous child protection plans", "Child protection plan end date"),
                list("List 8", "List 8: Children in care", "Date started to be looked after", "Legal status", "Placement type",
                        "Placement provider", "Date ceased to be looked after", "Reason ceased", "Number of placements in the last 12 months"),
                list("List 9", "List 9: Care leavers", "Age", "In touch", "Main activity", "Accommodation"),
                list("List 10", "List 10: Adoption", "Date of decision that the child should be placed for adoption",
                        "Date matched with adopters", "Date of adoption order"),
                list("List 11", "List 11: Special guardianship orders", "Date of special guardianship order", "Reason ceased"));
        for (ChildFacts f : facts.children().values()) {
            for (Case c : f.cases) {
                if (c.receivedOn() != null && within(c.receivedOn(), from, asAt)) {
                    add(asAt, lists.get(0), f, c, d(c.receivedOn()), nz(c.referralSource()));
                }
                if ("STEPPED_DOWN_TO_EARLY_HELP".equals(c.outcome()) && c.closedOn() != null && within(c.closedOn(), from, asAt)) {
                    add(asAt, lists.get(1), f, c, d(c.closedOn()));
                }
                if (c.referralDate() != null && within(c.referralDate(), from, asAt)) {
                    boolean repeat = f.cases.stream().anyMatch(o -> o.id() != c.id() && o.referralDate() != null
                            && o.referralDate().isBefore(c.referralDate()) && !o.referralDate().isBefore(c.referralDate().minusMonths(12)));
                    List<ReturnFacts.Assessment> assessments = f.assessments.stream().filter(a -> a.caseId() == c.id()).toList();
                    add(asAt, lists.get(2), f, c, d(c.referralDate()), nz(c.referralSource()), yn(repeat),
                            yn(CinCensusReturn.referralNfa(c, assessments)));
                }
                boolean openCin = c.referralDate() != null && !c.referralDate().isAfter(asAt)
                        && (c.closedOn() == null || !c.closedOn().isBefore(from));
                if (openCin) {
                    List<ReturnFacts.Assessment> assessments = f.assessments.stream().filter(a -> a.caseId() == c.id()).toList();
                    String cinPlan = f.plans.stream().filter(p -> p.caseId() == c.id() && p.kind().equals("CIN") && !p.start().isAfter(asAt))
                            .map(p -> d(p.start())).findFirst().orElse("");
                    add(asAt, lists.get(5), f, c, d(c.referralDate()), nz(CinCensusReturn.primaryNeed(assessments)), cinPlan,
                            c.closedOn() != null && !c.closedOn().isAfter(asAt) ? d(c.closedOn()) : "");
                }
            }
            for (ReturnFacts.Assessment a : f.assessments) {
                if (within(a.started(), from, asAt) || (a.authorised() != null && within(a.authorised(), from, asAt))) {
                    add(asAt, lists.get(3), f, f.caseOf(a.caseId()), d(a.started()), a.kind(), "",
                            a.authorised() != null && !a.authorised().isAfter(asAt) ? d(a.authorised()) : "");
                }
            }
            for (ReturnFacts.Enquiry q : f.enquiries) {
                if (within(q.strategyOn(), from, asAt)) {
                    boolean s47 = "START_S47".equals(q.strategyDecision());
                    boolean held = q.conferenceOn() != null && !q.conferenceOn().isAfter(asAt);
                    add(asAt, lists.get(4), f, f.caseOf(q.caseId()), d(q.strategyOn()), s47 ? d(q.strategyOn()) : "",
                            held ? d(q.conferenceOn()) : "", held ? nz(q.conferenceOutcome()) : "");
                }
            }
            for (ReturnFacts.Plan p : f.plans("CP")) {
                if (!p.start().isAfter(asAt) && (p.end() == null || !p.end().isBefore(from))) {
                    add(asAt, lists.get(6), f, f.caseOf(p.caseId()), d(p.start()), nz(p.initialCategory()), nz(p.latestCategory()),
                            Integer.toString(Math.max(0, p.planNumber() - 1)), p.end() != null && !p.end().isAfter(asAt) ? d(p.end()) : "");
                }
            }
            childrenInCare(lists, f, asAt, from);
            LocalDate born = f.child().born();
            for (ReturnFacts.CareLeaver c : f.careLeavers) {
                if (born != null) {
                    int age = Period.between(born, asAt).getYears();
                    if (age >= 17 && age <= 25) {
                        add(asAt, lists.get(8), f, f.caseOf(c.caseId()), Integer.toString(age), nz(c.inTouch()), nz(c.activity()),
                                nz(c.accommodation()));
                    }
                }
            }
            for (ReturnFacts.Adoption a : f.adoptions) {
                String order = f.episodes.stream().filter(e -> e.caseId() == a.caseId() && e.end() != null
                        && Ssda903Return.in(ADOPTED, e.reasonCeased())).map(e -> d(e.end())).findFirst().orElse("");
                add(asAt, lists.get(9), f, f.caseOf(a.caseId()), d(a.decidedOn()), d(a.matchedOn()), order);
            }
        }
        return lists;
    }

    private static void childrenInCare(List<AnnexList> lists, ChildFacts f, LocalDate asAt, LocalDate from) {
        List<ReturnFacts.Episode> episodes = f.episodes;
        java.util.Map<Long, List<ReturnFacts.Episode>> byPeriod = new java.util.LinkedHashMap<>();
        episodes.forEach(e -> byPeriod.computeIfAbsent(e.periodId(), id -> new ArrayList<>()).add(e));
        for (List<ReturnFacts.Episode> period : byPeriod.values()) {
            ReturnFacts.Episode first = period.get(0);
            ReturnFacts.Episode last = period.stream().filter(e -> !e.start().isAfter(asAt)).reduce((a, b) -> b).orElse(null);
            if (last == null || first.start().isAfter(asAt)) {
                continue;
            }
            ReturnFacts.Episode closing = period.get(period.size() - 1);
            LocalDate ceased = closing.end() != null && !closing.end().isAfter(asAt) && !"X1".equals(closing.reasonCeased())
                    ? closing.end() : null;
            if (ceased != null && ceased.isBefore(from)) {
                continue;
            }
            long placements = period.stream().filter(e -> !e.start().isAfter(asAt) && !e.start().isBefore(asAt.minusMonths(12))
                    && !"L".equals(e.rne())).count();
            Case c = f.caseOf(first.caseId());
            add(asAt, lists.get(7), f, c, d(first.start()), last.legalStatus(), last.placement(), last.provider(), d(ceased),
                    ceased == null ? "" : closing.reasonCeased(), Long.toString(placements));
            if (ceased != null && Ssda903Return.in(SPECIAL_GUARDIANSHIP, closing.reasonCeased())) {
                add(asAt, lists.get(10), f, c, d(ceased), closing.reasonCeased());
            }
        }
    }

    private static AnnexList list(String sheet, String title, String... specific) {
        List<String> columns = new ArrayList<>(List.of("Child unique ID", "Gender", "Ethnicity", "Date of birth", "Age"));
        columns.addAll(List.of(specific));
        columns.add("Allocated team");
        columns.add("Allocated worker");
        return new AnnexList(sheet, title, List.copyOf(columns), new ArrayList<>());
    }

    private static void add(LocalDate asAt, AnnexList list, ChildFacts f, Case c, String... specific) {
        List<String> row = new ArrayList<>();
        LocalDate born = f.child().born();
        row.add(f.childId());
        row.add(nz(f.child().sex()));
        row.add(nz(f.child().ethnicity()));
        row.add(d(born));
        row.add(born == null || born.isAfter(asAt) ? "" : Integer.toString(Period.between(born, asAt).getYears()));
        // A fact not held is a blank cell.
        java.util.Arrays.stream(specific).map(AnnexAReturn::nz).forEach(row::add);
        row.add(c == null ? "" : nz(c.team()));
        row.add(c == null || c.worker() == null ? "Unallocated" : c.worker());
        list.rows().add(row);
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static String d(LocalDate date) {
        return Ssda903Return.date(date);
    }

    private static String yn(boolean value) {
        return value ? "Yes" : "No";
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    static byte[] xlsx(List<AnnexList> lists, LocalDate asAt, LocalDate from, Instant producedAt) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            // POI would date the workbook by the machine's clock.
            book.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.of(Date.from(producedAt)));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (AnnexList list : lists) {
                Sheet sheet = book.createSheet(list.sheet());
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(list.title() + " (as at " + d(asAt) + ", from " + d(from) + ")");
                title.getCell(0).setCellStyle(bold);
                Row head = sheet.createRow(1);
                for (int i = 0; i < list.columns().size(); i++) {
                    head.createCell(i).setCellValue(list.columns().get(i));
                    head.getCell(i).setCellStyle(bold);
                }
                int r = 2;
                for (List<String> row : list.rows()) {
                    Row out = sheet.createRow(r++);
                    for (int i = 0; i < row.size(); i++) {
                        out.createCell(i).setCellValue(row.get(i));
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            book.write(bytes);
            book.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
