package uk.csc.workflow.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseFileViews.CaseLine;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.casefile.ChildCase;
import uk.csc.workflow.casefile.ChildFile;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeLabels.Coded;
import uk.csc.workflow.platform.web.NotFoundException;
import uk.csc.workflow.referral.ReferralCodes.AssessmentKind;

/**
 * What a manager needs in hand for the referral route's decisions (the task context of the
 * Tasklist plugin): the contact and the child's history for the referral decision, the
 * assessment for its authorisation. Codes come with their words.
 */
@Component
@Transactional(readOnly = true)
public class ReferralContexts {

    public record Contribution(Coded agency, Coded riskLevel, String information, String contributedBy, Instant contributedAt) {
    }

    public record Screening(Coded decision, String reason, String screenedBy, List<Contribution> contributions) {
    }

    /**
     * The child's history: earlier cases (with the team, dates and how they ended) and other cases
     * still open. Facts only; a case's file stays behind its team.
     */
    public record History(boolean reReferral, List<CaseLine> previousCases, List<CaseLine> otherOpenCases) {
    }

    public record ReferralDecisionContext(long contactId, Instant receivedAt, LocalDate receivedOn, Coded source, String concerns,
                                          Coded concernLevel, boolean immediateRisk, boolean dvNotification, boolean consent,
                                          Coded proposedResponse, Screening screening, History history) {
    }

    public record AssessmentContext(Coded kind, LocalDate startedOn, LocalDate dueOn, LocalDate childSeenOn,
                                    LocalDate completedOn, String completedBy, Coded categoryOfNeed, String summary,
                                    Coded recommendation, int timesReturned) {
    }

    /**
     * What the multi-agency child protection team's agencies said, for the lead practitioner who
     * holds the strategy discussion or completes the s47 enquiry.
     */
    public record ChildProtectionEnquiryContext(LocalDate strategyHeldOn, List<Contribution> strategyContributions,
                                                List<Contribution> s47Contributions) {
    }

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final ChildFile files;

    ReferralContexts(JdbcClient jdbc, CaseFileService cases, ChildFile files) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.files = files;
    }

    public ReferralDecisionContext referralDecision(long caseId, long contactId) {
        CaseRecord record = cases.get(caseId);
        List<Contribution> contributions = jdbc.sql("""
                SELECT agency, risk_level, information, contributed_by, contributed_at FROM screening_contribution
                WHERE contact_id = :c ORDER BY contributed_at, id""")
                .param("c", contactId)
                .query(ReferralContexts::contribution)
                .list();
        return jdbc.sql("SELECT * FROM contact WHERE id = :id AND case_id = :c").param("id", contactId).param("c", caseId)
                .query((rs, n) -> new ReferralDecisionContext(contactId, instant(rs, rs.findColumn("received_at")),
                        rs.getObject("received_on", LocalDate.class),
                        CodeLabels.coded(CodeLabels.REFERRAL_SOURCE, rs.getString("referral_source")), rs.getString("concerns"),
                        CodeLabels.coded(CodeLabels.CONCERN_LEVEL, rs.getString("concern_level")), rs.getBoolean("immediate_risk"),
                        rs.getBoolean("dv_notification"), rs.getBoolean("consent"),
                        CodeLabels.coded(CodeLabels.PROPOSED_RESPONSE, rs.getString("proposed_response")),
                        rs.getString("screening_decision") == null && contributions.isEmpty() ? null
                                : new Screening(CodeLabels.coded(CodeLabels.SCREENING_DECISION, rs.getString("screening_decision")),
                                rs.getString("screening_reason"), rs.getString("screened_by"), contributions),
                        history(record)))
                .optional().orElseThrow(() -> new NotFoundException("No contact " + contactId + " on case " + record.caseRef()));
    }

    /** The child's other cases: those opened before this one, and those still open. */
    History history(CaseRecord record) {
        List<ChildCase> all = cases.casesOfChild(record.childId());
        ChildCase self = all.stream().filter(c -> c.record().id() == record.id()).findFirst().orElseThrow();
        List<CaseLine> previous = all.stream().filter(c -> c.record().id() != record.id() && !c.openedAt().isAfter(self.openedAt()))
                .map(files::caseLine).toList();
        List<CaseLine> open = all.stream().filter(c -> c.record().id() != record.id() && c.open()).map(files::caseLine).toList();
        return new History(self.reReferral(), previous, open);
    }

    public AssessmentContext assessment(long caseId, AssessmentKind kind) {
        return jdbc.sql("SELECT * FROM assessment WHERE case_id = :c AND kind = :k").param("c", caseId).param("k", kind.name())
                .query((rs, n) -> new AssessmentContext(CodeLabels.coded(CodeLabels.ASSESSMENT_KIND, kind),
                        rs.getObject("started_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                        rs.getObject("child_seen_on", LocalDate.class), rs.getObject("completed_on", LocalDate.class),
                        rs.getString("completed_by"), CodeLabels.coded(CodeLabels.CATEGORY_OF_NEED, rs.getString("category_of_need")),
                        rs.getString("summary"), CodeLabels.coded(CodeLabels.ASSESSMENT_RECOMMENDATION, rs.getString("recommendation")),
                        rs.getInt("returned_count")))
                .optional().orElseThrow(() -> new NotFoundException("No " + kind + " assessment on case " + caseId));
    }

    /**
     * The agencies' contributions to the enquiry under way: before its strategy discussion is held
     * they are not yet linked to an enquiry; afterwards they belong to the case's latest enquiry.
     */
    public ChildProtectionEnquiryContext childProtectionEnquiry(long caseId, boolean discussionHeld) {
        Long enquiry = discussionHeld ? jdbc.sql("SELECT max(id) FROM child_protection_enquiry WHERE case_id = :c")
                .param("c", caseId).query(Long.class).optional().orElse(null) : null;
        LocalDate heldOn = enquiry == null ? null : jdbc.sql("SELECT strategy_held_on FROM child_protection_enquiry WHERE id = :e")
                .param("e", enquiry).query(LocalDate.class).single();
        return new ChildProtectionEnquiryContext(heldOn, contributions(caseId, enquiry, "STRATEGY_DISCUSSION"),
                enquiry == null ? List.of() : contributions(caseId, enquiry, "S47_ENQUIRY"));
    }

    private List<Contribution> contributions(long caseId, Long enquiry, String stage) {
        String ofTheEnquiry = enquiry == null ? "enquiry_id IS NULL" : "enquiry_id = :e";
        var query = jdbc.sql("""
                SELECT agency, risk_level, information, contributed_by, contributed_at FROM child_protection_contribution
                WHERE case_id = :c AND stage = :stage AND %s ORDER BY contributed_at, id""".formatted(ofTheEnquiry))
                .param("c", caseId).param("stage", stage);
        return (enquiry == null ? query : query.param("e", enquiry)).query(ReferralContexts::contribution).list();
    }

    private static Contribution contribution(ResultSet rs, int row) throws SQLException {
        return new Contribution(CodeLabels.coded(CodeLabels.AGENCY, rs.getString(1)), CodeLabels.coded(CodeLabels.RISK_LEVEL, rs.getString(2)),
                rs.getString(3), rs.getString(4), instant(rs, 5));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
