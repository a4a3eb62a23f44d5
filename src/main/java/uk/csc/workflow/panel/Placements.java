package uk.csc.workflow.panel;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.AuditLog;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeYears;
import uk.csc.workflow.codes.Ssda903.LegalStatus;
import uk.csc.workflow.codes.Ssda903.PlacementProvider;
import uk.csc.workflow.codes.Ssda903.PlacementType;
import uk.csc.workflow.panel.PanelCodes.YesNo;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * Placements in the council's order of preference: anything but family and friends needs the
 * reason, and a residential placement the service manager's approval.
 */
@Service
@Transactional
public class Placements {

    private final JdbcClient jdbc;
    private final PanelRecords records;
    private final TimeSource time;

    private final CaseFileService cases;

    Placements(JdbcClient jdbc, PanelRecords records, CaseFileService cases, TimeSource time) {
        this.jdbc = jdbc;
        this.records = records;
        this.cases = cases;
        this.time = time;
    }


    /**
     * Records a placement. The council's preference order is enforced as a duty to explain:
     * anything but family and friends needs the reason; a residential placement also needs the
     * service manager's approval (the process asks for it).
     */
    public Map<String, Object> recordPlacement(long caseId, Long requestId, boolean emergency, FormValues form, String userId) {
        LocalDate startOn = form.pastDate("placementStartOn", time.today(),
                emergency ? cases.earliestAdmission(caseId) : cases.earliestEvent(caseId));
        LegalStatus legalStatus = form.code("legalStatus", LegalStatus.class);
        PlacementType type = form.code("placementType", PlacementType.class);
        PlacementProvider provider = form.code("placementProvider", PlacementProvider.class);
        String reason = form.optionalText("preferenceReason", 2000);
        if (type != null && startOn != null) {
            CodeYears.refusal(CodeLabels.PLACEMENT_TYPE, type.name(), startOn).ifPresent(why -> form.problem("placementType", why));
        }
        if (type != null && !type.isFamilyAndFriends() && reason == null && !form.hasProblem("preferenceReason")) {
            form.problem("preferenceReason", type.isResidential()
                    ? "a residential placement needs a justification (why not family, friends or foster care)"
                    : "say why the child is not placed with family or friends"
                            + (type.isFostering() && provider != PlacementProvider.PR1 ? " or the council's own foster carers" : ""));
        }
        form.validate();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO placement (case_id, request_id, start_on, legal_status, placement_type, provider, emergency,
                                       preference_reason, approval, recorded_by, recorded_at)
                VALUES (:c, :r, :start, :ls, :type, :provider, :emergency, :reason, :approval, :by, :at)""")
                .param("c", caseId).param("r", requestId).param("start", startOn).param("ls", legalStatus.name())
                .param("type", type.name()).param("provider", provider.name()).param("emergency", emergency)
                .param("reason", reason).param("approval", type.isResidential() ? "PENDING" : "NOT_NEEDED")
                .param("by", userId).param("at", records.now()).update(keys, "id");
        records.audit(userId, AuditLog.Action.CREATE, caseId, "placement " + type + " from " + startOn);
        Map<String, Object> routing = new HashMap<>();
        routing.put("placementId", keys.getKey().longValue());
        routing.put("residential", type.isResidential() && !emergency);
        routing.put("placementStartOn", startOn.toString());
        routing.put("placementType", type.name());
        return routing;
    }

    public Map<String, Object> approvePlacement(long placementId, FormValues form, String userId) {
        YesNo approved = form.code("residentialApproved", YesNo.class);
        String reason = form.text("approvalReason", 2000);
        form.validate();
        jdbc.sql("UPDATE placement SET approval = :a, approved_by = :by, approval_reason = :r WHERE id = :id")
                .param("a", approved == YesNo.YES ? "APPROVED" : "REFUSED").param("by", userId).param("r", reason)
                .param("id", placementId).update();
        long caseId = jdbc.sql("SELECT case_id FROM placement WHERE id = :id").param("id", placementId).query(Long.class).single();
        records.audit(userId, AuditLog.Action.DECIDE, caseId, "residential placement " + (approved == YesNo.YES ? "approved" : "refused"));
        return Map.of("residentialApproved", approved == YesNo.YES);
    }

    /** The placement the child is in: the latest approved or not-needing-approval one. */
    public Placement currentPlacement(long caseId) {
        return jdbc.sql("""
                SELECT start_on, legal_status, placement_type, provider, emergency FROM placement
                WHERE case_id = :c AND approval IN ('APPROVED', 'NOT_NEEDED') ORDER BY start_on DESC, id DESC LIMIT 1""")
                .param("c", caseId)
                .query((rs, n) -> new Placement(rs.getObject("start_on", LocalDate.class), rs.getString("legal_status"),
                        rs.getString("placement_type"), rs.getString("provider"), rs.getBoolean("emergency")))
                .single();
    }

    public record Placement(LocalDate startOn, String legalStatus, String placementType, String provider, boolean emergency) {
    }

}
