package uk.csc.workflow.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.csc.workflow.casefile.CaseFileViews.CaseLine;
import uk.csc.workflow.codes.CodeLabels;
import uk.csc.workflow.codes.CodeLabels.Coded;
import uk.csc.workflow.identity.CurrentUser;
import uk.csc.workflow.platform.forms.FormValues;
import uk.csc.workflow.platform.time.TimeSource;

/**
 * Finding a child before recording anything new: by name (spelling and order tolerant, see
 * {@link ChildNames}), date of birth, NHS number, UPN or postcode, every criterion given having to
 * match. Only children with a case the user may read are found, and only those cases are listed:
 * a worker of another team finds nothing, not even a count. The search and each case shown are audited.
 */
@Service
@Transactional
public class ChildSearch {

    /** Rows narrowed in SQL before names are scored; a broader search should say more. */
    static final int CANDIDATES = 1000;
    static final int RESULTS = 50;

    private static final Pattern FULL_POSTCODE = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$");
    private static final Pattern DISTRICT = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?$");
    private static final Pattern UPN = Pattern.compile("^[A-Z][0-9]{11}[0-9A-Z]$");

    public record Criteria(String q, String dob, String nhs, String upn, String postcode) {
    }

    /**
     * A child found. {@code score} is how well the name matched (100 for an exact name or a search
     * without a name); {@code matchedOn} lists the criteria that matched.
     */
    public record Found(long childId, String name, String firstName, String lastName, LocalDate dateOfBirth,
                        LocalDate expectedBirth, Age age, Coded sex, String postcode, String nhsNumber, String upn, int score,
                        List<String> matchedOn, List<CaseLine> cases) {
    }

    private final CaseFileRepository files;
    private final CaseFileAccess access;
    private final ChildFile childFile;
    private final AuditLog audit;
    private final TimeSource time;

    ChildSearch(CaseFileRepository files, CaseFileAccess access, ChildFile childFile, AuditLog audit, TimeSource time) {
        this.files = files;
        this.access = access;
        this.childFile = childFile;
        this.audit = audit;
        this.time = time;
    }

    public List<Found> search(Criteria criteria, CurrentUser user) {
        Map<String, Object> values = new HashMap<>();
        values.put("q", criteria.q());
        values.put("dob", criteria.dob());
        FormValues form = new FormValues(values);
        String q = form.optionalText("q", 100);
        LocalDate dob = form.optionalDate("dob");
        String nhs = blank(criteria.nhs()) ? null : criteria.nhs().replace(" ", "");
        String upn = blank(criteria.upn()) ? null : criteria.upn().strip().toUpperCase(Locale.ROOT);
        String postcode = blank(criteria.postcode()) ? null : criteria.postcode().replace(" ", "").toUpperCase(Locale.ROOT);
        if (q != null && ChildNames.tokens(q).stream().mapToInt(String::length).sum() < 2) {
            form.problem("q", "give at least two letters of a name");
        }
        if (nhs != null && !nhs.matches("\\d{10}")) {
            form.problem("nhs", "an NHS number has 10 digits");
        }
        if (upn != null && !UPN.matcher(upn).matches()) {
            form.problem("upn", "a Unique Pupil Number has 13 characters, e.g. A123456789012");
        }
        if (postcode != null && !FULL_POSTCODE.matcher(postcode).matches() && !DISTRICT.matcher(postcode).matches()) {
            form.problem("postcode", "give a postcode (B23 6AB) or a postcode district (B23)");
        }
        if (q == null && dob == null && nhs == null && upn == null && postcode == null && !form.hasProblem("dob")) {
            form.problem("q", "give a name, date of birth (dob), NHS number (nhs), UPN (upn) or postcode");
        }
        form.validate();

        boolean fullPostcode = postcode != null && FULL_POSTCODE.matcher(postcode).matches();
        String district = postcode != null && !fullPostcode ? postcode : null;
        List<Set<String>> keys = q == null ? List.of() : ChildNames.searchConditions(q);
        List<CaseFileRepository.ChildRow> candidates = files.search(keys, dob, nhs, upn, fullPostcode ? postcode : null,
                district, CANDIDATES);

        Map<Long, Double> scores = new HashMap<>();
        for (CaseFileRepository.ChildRow child : candidates) {
            double score = q == null ? 1.0 : ChildNames.searchScore(q, child.firstName(), child.lastName());
            boolean inDistrict = district == null || TeamRouting.district(child.postcode()).equalsIgnoreCase(district);
            if (score > 0 && inDistrict) {
                scores.put(child.id(), score);
            }
        }
        Map<Long, List<ChildCase>> casesByChild = files.casesOf(scores.keySet()).stream()
                .filter(c -> access.mayRead(c.record(), user))
                .collect(Collectors.groupingBy(c -> c.record().childId()));
        List<Criterion> used = given(q, dob, nhs, upn, postcode);
        List<String> matchedOn = used.stream().map(Criterion::name).toList();
        LocalDate today = time.today();
        // Case lines (each naming its team) only for the children answered: namesakes past the limit cost nothing.
        Map<String, Coded> teams = new HashMap<>();
        List<Found> answer = candidates.stream()
                .filter(child -> casesByChild.containsKey(child.id()) && scores.containsKey(child.id()))
                .sorted(Comparator.comparing((CaseFileRepository.ChildRow child) -> score(scores, child)).reversed()
                        .thenComparing(CaseFileRepository.ChildRow::lastName).thenComparing(CaseFileRepository.ChildRow::firstName))
                .limit(RESULTS)
                .map(child -> new Found(child.id(), child.firstName() + " " + child.lastName(), child.firstName(), child.lastName(),
                        child.dateOfBirth(), child.expectedBirth(), Age.of(child.dateOfBirth(), today),
                        CodeLabels.coded(CodeLabels.SEX, child.sex()), child.postcode(), child.nhsNumber(), child.upn(),
                        score(scores, child), matchedOn, casesByChild.get(child.id()).stream()
                        .map(c -> childFile.caseLine(c, teams.computeIfAbsent(c.record().team(), childFile::team))).toList()))
                .toList();
        audit.record(user.id(), AuditLog.Action.READ, "SEARCH", "children", "child search by "
                + used.stream().map(c -> c.words).collect(Collectors.joining(", ")) + ": " + answer.size() + " found");
        audit.recordEach(user.id(), AuditLog.Action.READ, "CASE",
                answer.stream().flatMap(f -> f.cases().stream()).map(CaseLine::caseRef).toList(), "found by a child search");
        return answer;
    }

    private static int score(Map<Long, Double> scores, CaseFileRepository.ChildRow child) {
        return (int) Math.round(scores.get(child.id()) * 100);
    }

    /** The criteria a search can be given: the code its answer names and the words its audit uses. */
    private enum Criterion {
        NAME("name"), DATE_OF_BIRTH("date of birth"), NHS_NUMBER("NHS number"), UPN("UPN"), POSTCODE("postcode");

        private final String words;

        Criterion(String words) {
            this.words = words;
        }
    }

    private static List<Criterion> given(String q, LocalDate dob, String nhs, String upn, String postcode) {
        Object[] values = {q, dob, nhs, upn, postcode};
        List<Criterion> given = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
            if (values[criterion.ordinal()] != null) {
                given.add(criterion);
            }
        }
        return given;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
