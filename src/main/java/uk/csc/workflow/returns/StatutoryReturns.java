package uk.csc.workflow.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.codes.CollectionYear;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.returns.ReturnValidation.Problem;
import uk.csc.workflow.timescales.GuidanceProfile;
import uk.csc.workflow.timescales.StatutoryTimescales;

/**
 * The statutory returns on demand, from the same case tables the processes write: SSDA903 and the
 * CIN census for a collection year, Annex A for an 'as at' date, each with the project's validation.
 */
@Service
public class StatutoryReturns {

    private final ReturnFactsRepository facts;
    private final StatutoryTimescales clock;
    private final TimeSource time;
    private final String laCode;

    StatutoryReturns(ReturnFactsRepository facts, StatutoryTimescales clock, TimeSource time,
                     @Value("${csc.returns.la-code:330}") String laCode) {
        this.facts = facts;
        this.clock = clock;
        this.time = time;
        this.laCode = laCode;
    }

    /** @param producedAt when the return was made, by the time source: the zip's entries carry it */
    record Ssda903(CollectionYear year, Map<String, Table> tables, List<Problem> problems, Instant producedAt) {
        byte[] zip() {
            return Table.zip(Ssda903Return.inOrder(tables), producedAt);
        }
    }

    record CinCensus(CollectionYear year, String xml, List<String> schemaProblems, List<Problem> problems, int children) {
    }

    /** @param producedAt when the return was made, by the time source: the workbook's creation date */
    record AnnexA(LocalDate asAt, LocalDate from, List<AnnexAReturn.AnnexList> lists, List<Problem> problems, Instant producedAt) {
        byte[] xlsx() {
            return AnnexAReturn.xlsx(lists, asAt, from, producedAt);
        }
    }

    Ssda903 ssda903(CollectionYear year) {
        ReturnFacts f = facts.load(year.start(), year.end());
        return new Ssda903(year, Ssda903Return.build(f, year), ReturnValidation.ssda903(f, year, time.today(), this::firstReviewDue),
                time.now());
    }

    CinCensus cinCensus(CollectionYear year) {
        ReturnFacts f = facts.load(year.start(), year.end());
        String xml = CinCensusReturn.build(f, year, laCode, time.now(), this::icpcTarget);
        int children = (int) f.children().values().stream().filter(c -> !CinCensusReturn.episodes(c, year).isEmpty()).count();
        return new CinCensus(year, xml, CinCensusReturn.schemaProblems(xml, year), ReturnValidation.cinCensus(f, year, time.today()),
                children);
    }

    AnnexA annexA(LocalDate asAt, int lookBackMonths) {
        LocalDate from = asAt.minusMonths(lookBackMonths).plusDays(1);
        ReturnFacts f = facts.load(from, asAt);
        List<AnnexAReturn.AnnexList> lists = AnnexAReturn.build(f, asAt, from);
        List<Problem> problems = new java.util.ArrayList<>();
        for (AnnexAReturn.AnnexList list : lists) {
            int workerColumn = list.columns().size() - 1;
            for (List<String> row : list.rows()) {
                if (row.get(workerColumn).equals("Unallocated")) {
                    problems.add(new Problem("annex-a", row.get(0), null, "CSC-ANNEXA-WORKER", "Allocated worker",
                            list.title() + ": the child's case has no allocated worker.", ReturnValidation.Severity.QUERY));
                }
            }
        }
        return new AnnexA(asAt, from, lists, problems, time.now());
    }

    /** InitialCPCtarget: 15 working days after the strategy discussion (rule ICPC). */
    private LocalDate icpcTarget(LocalDate strategy) {
        return clock.deadline(StatutoryRuleIds.ICPC, strategy, GuidanceProfile.WT2010).dueOn();
    }

    /** The first review of a period of care: 20 working days after it began (rule LAC_REVIEW_FIRST). */
    private LocalDate firstReviewDue(LocalDate began) {
        return clock.deadline(StatutoryRuleIds.LAC_REVIEW_FIRST, began, GuidanceProfile.WT2010).dueOn();
    }

    LocalDate today() {
        return time.today();
    }
}
