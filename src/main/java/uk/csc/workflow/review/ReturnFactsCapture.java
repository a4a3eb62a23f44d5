package uk.csc.workflow.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.platform.forms.DateBound;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * What the SSDA903 return needs about a looked-after child and no route recorded before: the
 * child's UASC status and UPN-unknown reason, missing and away-from-placement episodes, previous
 * permanence, the adoption milestones of a child whose plan is adoption, and the outcomes of a child
 * looked after for 12 months (OC2). Each is checked like every form value (the field and the reason
 * in plain English) and audited against the case.
 */
@Service
@Transactional
public class ReturnFactsCapture {

    static final Set<String> MISSING_KINDS = Set.of("M", "A");
    /** SSDA903 PREV_PERM. */
    static final Set<String> PREVIOUS_PERMANENCE = Set.of("P1", "P2", "P3", "Z1");
    /** CIN census and SSDA903 UPN unknown reasons. */
    static final Set<String> UPN_UNKNOWN = Set.of("UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7", "UN8", "UN9", "UN10");
    /** SSDA903 SEX_ADOPTR: a male couple, a female couple, a mixed couple, a single man or woman. */
    static final Set<String> ADOPTERS_SEX = Set.of("MM", "FF", "MF", "M1", "F1");
    /** SSDA903 LS_ADOPTR. */
    static final Set<String> ADOPTERS_LEGAL_STATUS = Set.of("L0", "L11", "L12", "L2", "L3", "L4");
    /** SSDA903 REASON_PLACED_CEASED. */
    static final Set<String> NO_LONGER_REASONS = Set.of("RD1", "RD2", "RD3", "RD4");
    /** SSDA903 SDQ_REASON: why there is no SDQ score. */
    static final Set<String> SDQ_REASONS = Set.of("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5");

    private final JdbcClient jdbc;
    private final EpisodeRepository episodes;
    private final CaseFileService cases;
    private final CareAudit audit;
    private final TimeSource time;

    ReturnFactsCapture(JdbcClient jdbc, EpisodeRepository episodes, CaseFileService cases, CareAudit audit, TimeSource time) {
        this.jdbc = jdbc;
        this.episodes = episodes;
        this.cases = cases;
        this.audit = audit;
        this.time = time;
    }

    /** {@code {uasc, uascCeasedOn?, upnUnknown?}}: the child's status for the returns. */
    public Map<String, Object> childStatus(CaseRecord record, FormValues form, String userId) {
        Boolean uasc = form.optionalFlag("uasc");
        DateBound born = cases.birthOf(record.id());
        LocalDate ceased = form.optionalDate("uascCeasedOn");
        form.notBefore("uascCeasedOn", ceased, born);
        if (ceased != null && !Boolean.TRUE.equals(uasc)) {
            form.problem("uascCeasedOn", "is only for an unaccompanied asylum-seeking child (uasc true)");
        }
        String upnUnknown = form.has("upnUnknown") ? form.oneOf("upnUnknown", UPN_UNKNOWN) : null;
        form.validate();
        jdbc.sql("UPDATE child SET uasc = :u, uasc_ceased_on = :c, upn_unknown = COALESCE(:n, upn_unknown) WHERE id = :id")
                .param("u", Boolean.TRUE.equals(uasc)).param("c", ceased).param("n", upnUnknown).param("id", record.childId()).update();
        audit.record(userId, record.id(), "returns: child's UASC status and UPN recorded");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("uasc", Boolean.TRUE.equals(uasc));
        answer.put("uascCeasedOn", ceased == null ? null : ceased.toString());
        answer.put("upnUnknown", upnUnknown);
        return answer;
    }

    /** {@code {kind: M|A, startedOn, endedOn?}}: within a period of care of the case, not in the future. */
    public Map<String, Object> missingEpisode(CaseRecord record, FormValues form, String userId) {
        String kind = form.oneOf("kind", MISSING_KINDS);
        LocalDate start = form.pastDate("startedOn", time.today());
        LocalDate end = form.optionalPastDate("endedOn", time.today(), start == null ? null : new DateBound(start, "the day it started"));
        if (start != null && !form.hasProblem("startedOn") && !lookedAfterOn(record.id(), start)) {
            form.problem("startedOn", "the child was not looked after on " + start + " (a missing episode is recorded during care)");
        }
        form.validate();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO missing_episode (case_id, kind, started_on, ended_on, recorded_by, recorded_at)
                VALUES (:c, :k, :s, :e, :by, :at)""")
                .param("c", record.id()).param("k", kind).param("s", start).param("e", end).param("by", userId).param("at", now())
                .update(keys, "id");
        audit.record(userId, record.id(), "returns: " + CodeLabels.label("MISSING", kind).toLowerCase() + " episode from " + start);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", keys.getKey().longValue());
        answer.put("kind", CodeLabels.coded("MISSING", kind));
        answer.put("startedOn", start.toString());
        answer.put("endedOn", end == null ? null : end.toString());
        return answer;
    }

    /** {@code {prevPerm: P1|P2|P3|Z1, laPerm?, datePerm?}}: the order the child left care on before. */
    public Map<String, Object> previousPermanence(CaseRecord record, FormValues form, String userId) {
        String prev = form.oneOf("prevPerm", PREVIOUS_PERMANENCE);
        String la = form.has("laPerm") ? form.text("laPerm", 3) : null;
        if (la != null && !la.matches("\\d{3}")) {
            form.problem("laPerm", "must be the three-digit DfE number of the council that made the order");
        }
        LocalDate on = form.optionalPastDate("datePerm", time.today(), cases.birthOf(record.id()));
        if ("Z1".equals(prev) && (la != null || on != null)) {
            form.problem("prevPerm", "Z1 means no previous permanence (or not known): leave laPerm and datePerm out");
        }
        form.validate();
        jdbc.sql("DELETE FROM previous_permanence WHERE case_id = :c").param("c", record.id()).update();
        jdbc.sql("""
                INSERT INTO previous_permanence (case_id, prev_perm, la_perm, date_perm, recorded_by, recorded_at)
                VALUES (:c, :p, :la, :d, :by, :at)""")
                .param("c", record.id()).param("p", prev).param("la", la).param("d", on).param("by", userId).param("at", now()).update();
        audit.record(userId, record.id(), "returns: previous permanence " + prev);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("prevPerm", CodeLabels.coded("PREV_PERM", prev));
        answer.put("laPerm", la);
        answer.put("datePerm", on == null ? null : on.toString());
        return answer;
    }

    /**
     * {@code {decidedOn, matchedOn?, fosterCare?, adoptersNumber?, adoptersSex?, adoptersLegalStatus?,
     * noLongerOn?, noLongerReason?}}: the adoption milestones (SSDA903 AD1 and placed for adoption).
     */
    public Map<String, Object> adoption(CaseRecord record, FormValues form, String userId) {
        LocalDate today = time.today();
        LocalDate decided = form.pastDate("decidedOn", today, cases.birthOf(record.id()));
        DateBound afterDecision = decided == null ? null : new DateBound(decided, "the decision that the child should be placed for adoption");
        LocalDate matched = form.optionalPastDate("matchedOn", today, afterDecision);
        Boolean fosterCare = form.optionalFlag("fosterCare");
        Integer adopters = form.has("adoptersNumber") ? form.wholeNumber("adoptersNumber", 1, 2) : null;
        String sex = form.has("adoptersSex") ? form.oneOf("adoptersSex", ADOPTERS_SEX) : null;
        String legal = form.has("adoptersLegalStatus") ? form.oneOf("adoptersLegalStatus", ADOPTERS_LEGAL_STATUS) : null;
        LocalDate noLonger = form.optionalPastDate("noLongerOn", today, afterDecision);
        String reason = form.has("noLongerReason") ? form.oneOf("noLongerReason", NO_LONGER_REASONS) : null;
        if ((noLonger == null) != (reason == null) && !form.hasProblem("noLongerOn") && !form.hasProblem("noLongerReason")) {
            form.problem(noLonger == null ? "noLongerOn" : "noLongerReason",
                    "the decision that the child should no longer be placed for adoption needs both its date and its reason");
        }
        form.validate();
        jdbc.sql("DELETE FROM adoption_milestone WHERE case_id = :c").param("c", record.id()).update();
        jdbc.sql("""
                INSERT INTO adoption_milestone (case_id, decided_on, matched_on, foster_care, adopters_number, adopters_sex,
                                                adopters_legal_status, no_longer_on, no_longer_reason, recorded_by, recorded_at)
                VALUES (:c, :d, :m, :f, :n, :s, :l, :nl, :r, :by, :at)""")
                .param("c", record.id()).param("d", decided).param("m", matched).param("f", fosterCare).param("n", adopters)
                .param("s", sex).param("l", legal).param("nl", noLonger).param("r", reason).param("by", userId).param("at", now())
                .update();
        audit.record(userId, record.id(), "returns: adoption milestones recorded");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("decidedOn", decided.toString());
        answer.put("matchedOn", matched == null ? null : matched.toString());
        answer.put("noLongerOn", noLonger == null ? null : noLonger.toString());
        return answer;
    }

    /**
     * OC2 for the collection year starting {@code yearStart}: {@code {sdqScore? (0-40) or sdqReason?,
     * convicted?, healthCheck?, immunisations?, teethCheck?, healthAssessment?, substanceMisuse?,
     * interventionReceived?, interventionOffered?}}.
     */
    public Map<String, Object> outcomes(CaseRecord record, int yearStart, FormValues form, String userId) {
        Integer sdq = form.has("sdqScore") ? form.wholeNumber("sdqScore", 0, 40) : null;
        String sdqReason = form.has("sdqReason") ? form.oneOf("sdqReason", SDQ_REASONS) : null;
        if (sdq != null && sdqReason != null) {
            form.problem("sdqReason", "give a reason only when there is no SDQ score");
        }
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (String field : new String[] {"convicted", "healthCheck", "immunisations", "teethCheck", "healthAssessment",
                "substanceMisuse", "interventionReceived", "interventionOffered"}) {
            flags.put(field, form.optionalFlag(field));
        }
        if (yearStart < 2020 || yearStart > uk.csc.workflow.codes.CollectionYear.of(time.today()).startYear()) {
            form.problem("year", "must be a collection year that has begun, like 2025 for 2025-26");
        }
        form.validate();
        jdbc.sql("DELETE FROM looked_after_outcome WHERE case_id = :c AND year_start = :y").param("c", record.id()).param("y", yearStart)
                .update();
        jdbc.sql("""
                INSERT INTO looked_after_outcome (case_id, year_start, sdq_score, sdq_reason, convicted, health_check, immunisations,
                    teeth_check, health_assessment, substance_misuse, intervention_received, intervention_offered, recorded_by, recorded_at)
                VALUES (:c, :y, :sdq, :reason, :convicted, :healthCheck, :immunisations, :teethCheck, :healthAssessment,
                        :substanceMisuse, :interventionReceived, :interventionOffered, :by, :at)""")
                .param("c", record.id()).param("y", yearStart).param("sdq", sdq).param("reason", sdqReason)
                .params(new java.util.HashMap<>(flags)).param("by", userId).param("at", now()).update();
        audit.record(userId, record.id(), "returns: outcomes (OC2) for " + yearStart);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("year", yearStart);
        answer.put("sdqScore", sdq);
        answer.putAll(flags);
        return answer;
    }

    private boolean lookedAfterOn(long caseId, LocalDate day) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM looked_after_period p JOIN care_case c ON c.child_id = p.child_id
                WHERE c.id = :c AND p.started_on <= :d AND (p.ended_on IS NULL OR p.ended_on >= :d)""")
                .param("c", caseId).param("d", day).query(Integer.class).single() > 0;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC);
    }
}
