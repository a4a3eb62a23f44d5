package uk.csc.workflow.panel;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseRecord;
import uk.csc.workflow.casefile.CaseStage;
import uk.csc.workflow.panel.PanelCodes.EmergencyAdmission;
import uk.csc.workflow.panel.PanelCodes.Proposal;
import uk.csc.workflow.panel.PanelCodes.YesNo;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * Requests to the Reception into Care panel and the sittings that hear them: opened, prepared
 * by the team manager, endorsed by the service manager when they ask for care proceedings, and
 * put on the agenda of the sitting the rule of {@link PanelSittings} gives.
 */
@Service
@Transactional
public class PanelRequests {

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final PanelSittings sittings;
    private final PanelRecords records;
    private final TimeSource time;

    PanelRequests(JdbcClient jdbc, CaseFileService cases, PanelSittings sittings, PanelRecords records, TimeSource time) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.sittings = sittings;
        this.records = records;
        this.time = time;
    }


    /** A request to be prepared by the team manager (the referral route's hand-off). */
    public long openRequest(long caseId, String source, String userId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO panel_request (case_id, source, status, requested_by, requested_at)
                VALUES (:c, :source, 'TO_PREPARE', :by, :at)""")
                .param("c", caseId).param("source", source).param("by", userId).param("at", records.now()).update(keys, "id");
        cases.moveTo(caseId, CaseStage.PANEL);
        records.audit(userId, AuditLog.Action.CREATE, caseId, "panel request opened (" + source + ")");
        return keys.getKey().longValue();
    }

    /** The team manager's request: reason, proposal, risks, family options and any emergency admission. */
    public Map<String, Object> prepare(long requestId, FormValues form, String userId) {
        String reason = form.text("requestReason", 4000);
        Proposal proposal = form.code("proposal", Proposal.class);
        String risks = form.text("riskSummary", 4000);
        String family = form.text("familyOptions", 4000);
        EmergencyAdmission emergency = form.optionalCode("emergencyAdmission", EmergencyAdmission.class);
        long caseId = caseOf(requestId);
        LocalDate emergencyOn = form.optionalPastDate("emergencyOn", time.today(), cases.earliestAdmission(caseId));
        if (emergency != null && emergencyOn == null && !form.hasProblem("emergencyOn")) {
            form.problem("emergencyOn", "give the date of the emergency admission");
        }
        form.validate();
        jdbc.sql("""
                UPDATE panel_request SET request_reason = :reason, proposal = :proposal, risk_summary = :risks,
                       family_options = :family, emergency_admission = :emergency, emergency_on = :emergencyOn,
                       status = 'PREPARED', requested_by = :by WHERE id = :id""")
                .param("reason", reason).param("proposal", proposal.name()).param("risks", risks).param("family", family)
                .param("emergency", emergency == null ? null : emergency.name()).param("emergencyOn", emergencyOn)
                .param("by", userId).param("id", requestId).update();
        records.audit(userId, AuditLog.Action.UPDATE, caseId, "panel request prepared: " + proposal);
        Map<String, Object> routing = new HashMap<>();
        routing.put("proposal", proposal.name());
        routing.put("emergencyAdmission", emergency == null ? "" : emergency.name());
        routing.put("emergencyOn", emergencyOn == null ? null : emergencyOn.toString());
        return routing;
    }

    public Map<String, Object> endorse(long requestId, FormValues form, String userId) {
        YesNo endorsed = form.code("endorsed", YesNo.class);
        String reason = form.text("endorsementReason", 2000);
        form.validate();
        jdbc.sql("UPDATE panel_request SET endorsed_by = :by, endorsed = :yes, endorsement = :e WHERE id = :id")
                .param("by", userId).param("yes", endorsed.name()).param("e", reason).param("id", requestId).update();
        records.audit(userId, AuditLog.Action.DECIDE, caseOf(requestId), "care proceedings request endorsed: " + endorsed);
        return Map.of("endorsed", endorsed == YesNo.YES);
    }

    /** Puts the request on the agenda of the sitting that hears a request made now. */
    public Map<String, Object> schedule(long requestId) {
        LocalDate sittingOn = sittings.sittingFor(time.now());
        long sittingId = sittingOn(sittingOn);
        jdbc.sql("UPDATE panel_request SET sitting_id = :s, status = 'AWAITING_SITTING' WHERE id = :id")
                .param("s", sittingId).param("id", requestId).update();
        return Map.of("sittingOn", sittingOn.toString(), "sittingAt", Date.from(sittings.startsAt(sittingOn)));
    }

    private long sittingOn(LocalDate day) {
        return jdbc.sql("SELECT id FROM panel_sitting WHERE sitting_on = :d").param("d", day).query(Long.class).optional()
                .orElseGet(() -> {
                    var keys = new GeneratedKeyHolder();
                    jdbc.sql("INSERT INTO panel_sitting (sitting_on) VALUES (:d)").param("d", day).update(keys, "id");
                    return keys.getKey().longValue();
                });
    }

    public Map<String, Object> provideInformation(long requestId, FormValues form, String userId) {
        String information = form.text("additionalInformation", 4000);
        form.validate();
        // A record of its own per round: appended to the risk summary it would overflow the column.
        jdbc.sql("""
                INSERT INTO panel_information (request_id, information, provided_by, provided_at)
                VALUES (:id, :info, :by, :at)""")
                .param("id", requestId).param("info", information).param("by", userId).param("at", records.now()).update();
        records.audit(userId, AuditLog.Action.UPDATE, caseOf(requestId), "further information for panel");
        return Map.of();
    }


    public long caseOf(long requestId) {
        return records.caseOf(requestId);
    }

    public void attachProcess(long requestId, String processInstanceId) {
        jdbc.sql("UPDATE panel_request SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", requestId).update();
    }

    public CaseRecord caseRecord(long caseId) {
        return cases.get(caseId);
    }

    public boolean isCaseOpen(long caseId) {
        return cases.isOpen(caseId);
    }
}
