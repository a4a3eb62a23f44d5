package uk.csc.workflow.returns;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

import uk.csc.workflow.codes.CollectionYear;
import uk.csc.workflow.returns.ReturnFacts.Case;
import uk.csc.workflow.returns.ReturnFacts.ChildFacts;

/**
 * The Children in Need census for a collection year as the DfE's XML message: one {@code <Child>}
 * per child with a CIN episode (a referral) open on any day of the year, with its CIN details,
 * assessments, CIN plans, section 47 enquiries, child protection plans and disabilities, and from
 * 2026-27 the pre-proceedings block. Validated against the year's schema
 * ({@code returns/cin-census-YYYY-YY.xsd}).
 */
final class CinCensusReturn {

    /** The years this project writes a schema for. */
    static final Set<Integer> YEARS = Set.of(2025, 2026);

    private static final Set<String> CLOSED_AT_REFERRAL = Set.of("CLOSED_NO_FURTHER_ACTION", "CLOSED_INFORMATION_AND_ADVICE",
            "SIGNPOSTED_TO_DOMESTIC_ABUSE_SERVICES");

    private CinCensusReturn() {
    }

    /** What the census counts for one child: the cases (CIN episodes) open in the year. */
    static List<Case> episodes(ChildFacts f, CollectionYear year) {
        return f.cases.stream().filter(c -> c.referralDate() != null && !c.referralDate().isAfter(year.end())
                && (c.closedOn() == null || !c.closedOn().isBefore(year.start()))).toList();
    }

    /**
     * The message. {@code icpcTarget} gives the InitialCPCtarget (15 working days after the strategy
     * discussion, the statutory rule ICPC).
     */
    static String build(ReturnFacts facts, CollectionYear year, String laCode, Instant at, UnaryOperator<LocalDate> icpcTarget) {
        StringWriter out = new StringWriter();
        try {
            Xml x = new Xml(XMLOutputFactory.newInstance().createXMLStreamWriter(out));
            x.w.writeStartDocument("UTF-8", "1.0");
            x.open("Message");
            x.open("Header");
            x.open("CollectionDetails");
            x.leaf("Collection", "CIN");
            x.leaf("Year", Integer.toString(year.startYear() + 1));
            x.leaf("ReferenceDate", year.end());
            x.close();
            x.open("Source");
            x.leaf("SourceLevel", "L");
            x.leaf("LEA", laCode);
            x.leaf("SoftwareCode", "csc-workflow");
            x.leaf("Release", "1");
            x.leaf("SerialNo", "001");
            x.leaf("DateTime", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
                    .format(at.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
            x.close();
            x.close();
            x.open("Children");
            for (ChildFacts f : facts.children().values()) {
                List<Case> episodes = episodes(f, year);
                if (!episodes.isEmpty()) {
                    child(x, f, episodes, year, icpcTarget);
                }
            }
            x.close();
            x.close();
            x.w.writeEndDocument();
            x.w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the CIN census", e);
        }
        return out.toString();
    }

    private static void child(Xml x, ChildFacts f, List<Case> episodes, CollectionYear year, UnaryOperator<LocalDate> icpcTarget)
            throws XMLStreamException {
        ReturnFacts.Child c = f.child();
        x.open("Child");
        x.open("ChildIdentifiers");
        x.leaf("LAchildID", f.childId());
        if (c.upn() != null && !c.upn().isBlank()) {
            x.leaf("UPN", c.upn());
        } else if (c.upnUnknown() != null) {
            x.leaf("UPNunknown", c.upnUnknown());
        }
        x.leaf("PersonBirthDate", c.born());
        if (c.born() == null) {
            x.leaf("ExpectedPersonBirthDate", c.expectedBirth());
        }
        x.leaf("Sex", c.sex());
        x.close();
        x.open("ChildCharacteristics");
        x.leaf("Ethnicity", c.ethnicity());
        if (!c.disabilities().isEmpty()) {
            x.open("Disabilities");
            for (String d : c.disabilities()) {
                x.leaf("Disability", d);
            }
            x.close();
        }
        x.close();
        for (Case e : episodes) {
            cinDetails(x, f, e, year, icpcTarget);
        }
        x.close();
    }

    private static void cinDetails(Xml x, ChildFacts f, Case e, CollectionYear year, UnaryOperator<LocalDate> icpcTarget)
            throws XMLStreamException {
        LocalDate end = year.end();
        List<ReturnFacts.Assessment> assessments = f.assessments.stream().filter(a -> a.caseId() == e.id()
                && !a.started().isAfter(end)).toList();
        List<ReturnFacts.Enquiry> enquiries = f.enquiries.stream().filter(q -> q.caseId() == e.id()
                && "START_S47".equals(q.strategyDecision()) && !q.strategyOn().isAfter(end)).toList();
        List<ReturnFacts.Plan> plans = f.plans.stream().filter(p -> p.caseId() == e.id() && !p.start().isAfter(end)).toList();
        boolean closed = e.closedOn() != null && !e.closedOn().isAfter(end);
        x.open("CINdetails");
        x.leaf("CINreferralDate", e.referralDate());
        x.leaf("ReferralSource", e.referralSource());
        x.leaf("PrimaryNeedCode", primaryNeed(assessments));
        if (closed) {
            x.leaf("CINclosureDate", e.closedOn());
            x.leaf("ReasonForClosure", closureReason(f, e, assessments));
        }
        enquiries.stream().map(ReturnFacts.Enquiry::conferenceOn).filter(Objects::nonNull).filter(d -> !d.isAfter(end)).findFirst()
                .ifPresent(d -> x.leafUnchecked("DateOfInitialCPC", d));
        for (ReturnFacts.Assessment a : assessments) {
            x.open("Assessments");
            x.leaf("AssessmentActualStartDate", a.started());
            LocalDate authorised = a.authorised() != null && !a.authorised().isAfter(end) ? a.authorised() : null;
            x.leaf("AssessmentAuthorisationDate", authorised);
            if (authorised != null && !a.factors().isEmpty()) {
                x.open("FactorsIdentifiedAtAssessment");
                for (String factor : a.factors()) {
                    x.leaf("AssessmentFactors", factor);
                }
                x.close();
            }
            x.close();
        }
        for (ReturnFacts.Plan p : plans) {
            if (p.kind().equals("CIN")) {
                x.open("CINPlanDates");
                x.leaf("CINPlanStartDate", p.start());
                x.leaf("CINPlanEndDate", p.end() != null && !p.end().isAfter(end) ? p.end() : null);
                x.close();
            }
        }
        for (ReturnFacts.Enquiry q : enquiries) {
            x.open("Section47");
            x.leaf("S47ActualStartDate", q.strategyOn());
            x.leaf("InitialCPCtarget", icpcTarget.apply(q.strategyOn()));
            x.leaf("DateOfInitialCPC", q.conferenceOn() != null && !q.conferenceOn().isAfter(end) ? q.conferenceOn() : null);
            x.leaf("ICPCnotRequired", Boolean.toString("NOT_SUBSTANTIATED".equals(q.s47Outcome())));
            x.close();
        }
        x.leaf("ReferralNFA", Boolean.toString(referralNfa(e, assessments)));
        for (ReturnFacts.Plan p : plans) {
            if (p.kind().equals("CP")) {
                x.open("ChildProtectionPlans");
                x.leaf("CPPstartDate", p.start());
                x.leaf("CPPendDate", p.end() != null && !p.end().isAfter(end) ? p.end() : null);
                x.leaf("InitialCategoryOfAbuse", p.initialCategory());
                x.leaf("LatestCategoryOfAbuse", p.latestCategory());
                x.leaf("NumberOfPreviousCPP", Integer.toString(Math.max(0, p.planNumber() - 1)));
                List<LocalDate> reviews = p.reviews().stream().filter(d -> !d.isAfter(end)).toList();
                if (!reviews.isEmpty()) {
                    x.open("Reviews");
                    for (LocalDate d : reviews) {
                        x.leaf("CPPreviewDate", d);
                    }
                    x.close();
                }
                x.close();
            }
        }
        if (year.startYear() >= 2026) {
            preProceedings(x, f, e, end);
        }
        x.close();
    }

    /**
     * 2026-27: the pre-proceedings block, from the panel's legal route (legal steps) and its family
     * group decision-making offer (s31ZA: offered in the letter, and the day the meeting was held).
     */
    private static void preProceedings(Xml x, ChildFacts f, Case e, LocalDate end) throws XMLStreamException {
        List<ReturnFacts.LegalStep> steps = f.legalSteps.stream().filter(s -> s.caseId() == e.id() && !s.on().isAfter(end)).toList();
        LocalDate letter = first(steps, "LETTER_BEFORE_PROCEEDINGS");
        List<LocalDate> meetings = steps.stream().filter(s -> s.step().equals("PRE_PROCEEDINGS_MEETING")).map(ReturnFacts.LegalStep::on)
                .toList();
        LocalDate start = letter != null ? letter : meetings.isEmpty() ? null : meetings.get(0);
        if (start == null) {
            return;
        }
        ReturnFacts.LegalStep decision = steps.stream().filter(s -> "ISSUE_PROCEEDINGS".equals(s.outcome()) || "STEP_DOWN".equals(s.outcome()))
                .reduce((a, b) -> b).orElse(null);
        x.open("PreProceedings");
        x.leaf("PreProceedingsStartDate", start);
        x.leaf("LetterBeforeProceedingsDate", letter);
        ReturnFacts.FamilyGroupMeeting family = f.familyGroupMeetings.stream()
                .filter(m -> m.caseId() == e.id() && (m.startedOn() == null || !m.startedOn().isAfter(end))).reduce((a, b) -> b).orElse(null);
        x.leaf("FGDMOffered", family == null || family.offered() == null ? null : family.offered().toString());
        x.leaf("FGDMHeld", family == null || !Boolean.TRUE.equals(family.offered()) ? null
                : Boolean.toString(family.heldOn() != null && !family.heldOn().isAfter(end)));
        x.leaf("InitialPreProceedingsMeetingDate", meetings.isEmpty() ? null : meetings.get(0));
        x.leaf("NumberOfPreProceedingsReviews", meetings.isEmpty() ? null : Integer.toString(meetings.size() - 1));
        x.leaf("PreProceedingsDecisionDate", decision == null ? null : decision.on());
        x.leaf("PreProceedingsOutcome", decision == null ? null : decision.outcome());
        x.leaf("CourtApplicationDate", first(steps, "PROCEEDINGS_ISSUED"));
        x.close();
    }

    private static LocalDate first(List<ReturnFacts.LegalStep> steps, String step) {
        return steps.stream().filter(s -> s.step().equals(step)).map(ReturnFacts.LegalStep::on).findFirst().orElse(null);
    }

    /** PrimaryNeedCode: the category of need of the episode's latest assessment that gives one. */
    static String primaryNeed(List<ReturnFacts.Assessment> assessments) {
        String need = null;
        for (ReturnFacts.Assessment a : assessments) {
            if (a.categoryOfNeed() != null) {
                need = a.categoryOfNeed();
            }
        }
        return need;
    }

    /** ReferralNFA: the referral closed with no assessment. */
    static boolean referralNfa(Case e, List<ReturnFacts.Assessment> assessments) {
        return assessments.isEmpty() && e.outcome() != null && CLOSED_AT_REFERRAL.contains(e.outcome());
    }

    /**
     * ReasonForClosure: the CIN plan's closure reason; otherwise RC8 (closed after assessment, no
     * further action) or RC9 (referred to early help), RC7 when a plan or service ended otherwise,
     * RC1/RC4/RC5 when care ended in adoption, a special guardianship order or a move to another council.
     */
    static String closureReason(ChildFacts f, Case e, List<ReturnFacts.Assessment> assessments) {
        String planReason = f.plans.stream().filter(p -> p.caseId() == e.id() && p.closureReason() != null)
                .map(ReturnFacts.Plan::closureReason).reduce((a, b) -> b).orElse(null);
        if (planReason != null) {
            return planReason;
        }
        String ceased = f.episodes.stream().filter(ep -> ep.caseId() == e.id() && ep.reasonCeased() != null
                && !ep.reasonCeased().equals("X1")).map(ReturnFacts.Episode::reasonCeased).reduce((a, b) -> b).orElse(null);
        if (ceased != null) {
            return switch (ceased) {
                case "E11", "E12" -> "RC1";
                case "E2" -> "RC2";
                case "E41" -> "RC3";
                case "E45", "E46", "E47", "E48" -> "RC4";
                case "E3" -> "RC5";
                case "E7" -> "RC6";
                default -> "RC7";
            };
        }
        String outcome = e.outcome() == null ? "" : e.outcome();
        return switch (outcome) {
            case "STEPPED_DOWN_TO_EARLY_HELP" -> "RC9";
            case "CLOSED_NO_FURTHER_ACTION", "CLOSED_INFORMATION_AND_ADVICE", "SIGNPOSTED_TO_DOMESTIC_ABUSE_SERVICES" -> "RC8";
            default -> "RC7";
        };
    }

    /** The year's schema, or null when the project has none for it. */
    static Schema schema(CollectionYear year) {
        String file = "/returns/cin-census-" + year.label() + ".xsd";
        try (InputStream in = CinCensusReturn.class.getResourceAsStream(file)) {
            if (in == null) {
                return null;
            }
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException(file + " is not a valid schema", e);
        }
    }

    /** The schema's complaints about the message (empty when it is valid). */
    static List<String> schemaProblems(String xml, CollectionYear year) {
        Schema schema = schema(year);
        List<String> problems = new ArrayList<>();
        if (schema == null) {
            problems.add("no schema for " + year);
            return problems;
        }
        var validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void error(org.xml.sax.SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                @Override
                public void fatalError(org.xml.sax.SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            problems.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    /** An indenting writer: one element a line, leaves with text only, nothing for a null value. */
    private static final class Xml {
        final XMLStreamWriter w;
        int depth;

        Xml(XMLStreamWriter w) {
            this.w = w;
        }

        void open(String name) throws XMLStreamException {
            indent();
            w.writeStartElement(name);
            depth++;
        }

        void close() throws XMLStreamException {
            depth--;
            indent();
            w.writeEndElement();
        }

        void leaf(String name, Object value) throws XMLStreamException {
            if (value == null) {
                return;
            }
            indent();
            w.writeStartElement(name);
            w.writeCharacters(value.toString());
            w.writeEndElement();
        }

        void leafUnchecked(String name, Object value) {
            try {
                leaf(name, value);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        private void indent() throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
