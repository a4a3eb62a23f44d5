package uk.csc.workflow.referral;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseFileCodes;
import uk.csc.workflow.casefile.CaseFileService;
import uk.csc.workflow.casefile.CaseOpened;
import uk.csc.workflow.casefile.MatchChoice;
import uk.csc.workflow.casefile.NewChild;
import uk.csc.workflow.casefile.ProposedMatchException;
import uk.csc.workflow.casefile.TeamRouting;
import uk.csc.workflow.platform.time.TimeSource;
import uk.csc.workflow.platform.web.BadRequestException;
import uk.csc.workflow.platform.web.FieldProblem;
import uk.csc.workflow.timescales.GuidanceProfileSetting;
import uk.csc.workflow.timescales.StatutoryTimescales;

/** The front door: a contact is validated, linked to its child, routed to a team and recorded. */
@Service
@Transactional
public class ContactService {

    private final CaseFileService cases;
    private final TeamRouting routing;
    private final GuidanceProfileSetting profiles;
    private final JdbcClient jdbc;
    private final TimeSource time;

    ContactService(CaseFileService cases, TeamRouting routing, GuidanceProfileSetting profiles, JdbcClient jdbc,
                   TimeSource time) {
        this.cases = cases;
        this.routing = routing;
        this.profiles = profiles;
        this.jdbc = jdbc;
        this.time = time;
    }

    /** What is wrong with a contact (nothing is stored): the check {@link #register} makes first. */
    public List<FieldProblem> problems(ContactRequest received) {
        return ContactValidator.problems(received.normalised(), time.now());
    }

    /**
     * Records the contact and opens its case; the caller starts the process in the same transaction.
     *
     * @throws ProposedMatchException when the child may already be known and the worker has not
     *                                said whether they are (nothing is recorded but the audit of the candidates shown)
     */
    @Transactional(noRollbackFor = ProposedMatchException.class)
    public Registration register(ContactRequest received, String userId) {
        // What is validated is what is stored: the contact trimmed and normalised once, here.
        ContactRequest contact = received.normalised();
        List<FieldProblem> problems = ContactValidator.problems(contact, time.now());
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
        var child = contact.child();
        String postcode = child.postcode();
        String routedTeam = routing.teamFor(postcode);
        boolean overridden = contact.teamOverride() != null && !contact.teamOverride().equals(routedTeam);
        String team = overridden ? contact.teamOverride() : routedTeam;
        LocalDate receivedOn = contact.receivedAt().atZoneSameInstant(StatutoryTimescales.STATUTORY_ZONE).toLocalDate();
        String profile = profiles.forNewCases().name();

        var match = contact.matchDecision() == null ? null : new MatchChoice(contact.matchDecision().childId(),
                CaseFileCodes.MatchDecision.valueOf(contact.matchDecision().decision()));
        CaseOpened opened = cases.openCase(new NewChild(child.firstName(), child.lastName(),
                child.dateOfBirth(), child.dateOfBirth() == null ? child.expectedBirth() : null, child.sex(),
                child.ethnicity(), postcode, child.nhsNumber(), child.upn(), child.address(), child.firstLanguage(),
                child.disabilities()), match, team, profile, receivedOn, userId);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO contact (case_id, received_at, received_on, referral_source, concerns, concern_level,
                                     immediate_risk, dv_notification, consent, routed_team, team_overridden, recorded_by)
                VALUES (:case, :at, :on, :source, :concerns, :level, :risk, :dv, :consent, :team, :overridden, :by)""")
                .param("case", opened.caseId())
                .param("at", contact.receivedAt().withOffsetSameInstant(ZoneOffset.UTC))
                .param("on", receivedOn).param("source", contact.referralSource()).param("concerns", contact.concerns())
                .param("level", contact.concernLevel()).param("risk", Boolean.TRUE.equals(contact.immediateRisk()))
                .param("dv", contact.dvNotification()).param("consent", contact.consent())
                .param("team", routedTeam).param("overridden", overridden).param("by", userId)
                .update(keys, "id");
        return new Registration(opened, keys.getKey().longValue(), team, profile, receivedOn, contact);
    }

    /** A registered contact, with what its process needs to route. */
    public record Registration(CaseOpened opened, long contactId, String team, String profile, LocalDate receivedOn,
                               ContactRequest contact) {
    }
}
