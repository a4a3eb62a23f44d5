package uk.csc.workflow.casefile;

/**
 * The case file's own code lists; the names are the codes, their labels are in
 * {@code codes/code-labels.txt} (checked by the build).
 */
public final class CaseFileCodes {

    private CaseFileCodes() {
    }

    /** How a person is related to the child (list RELATIONSHIP). */
    public enum Relationship {
        MOTHER, FATHER, STEP_PARENT, PARENTS_PARTNER, GRANDPARENT, SIBLING, HALF_SIBLING, STEP_SIBLING, AUNT_UNCLE,
        OTHER_RELATIVE, FOSTER_CARER, SPECIAL_GUARDIAN, FAMILY_FRIEND, HOUSEHOLD_MEMBER, OTHER
    }

    /** A professional involved with the child (list PROFESSIONAL_ROLE). */
    public enum ProfessionalRole {
        GP, SCHOOL, HEALTH_VISITOR, SCHOOL_NURSE, MIDWIFE, PAEDIATRICIAN, CAMHS, POLICE, YOUTH_JUSTICE, PROBATION, HOUSING,
        EARLY_HELP, ADULT_SERVICES, OTHER
    }

    /** Alerts and warnings (list ALERT_KIND). */
    public enum AlertKind {
        RISK_TO_STAFF, RESTRICTED_RECORD, ADDRESS_NOT_TO_BE_DISCLOSED, DOMESTIC_ABUSE, MISSING, MEDICAL, INTERPRETER_NEEDED, OTHER
    }

    /** Case notes (list NOTE_TYPE). */
    public enum NoteType { VISIT, PHONE_CALL, MEETING, MANAGEMENT_OVERSIGHT, OTHER }

    /** CIN census disability (list DISABILITY); NONE stands alone. */
    public enum Disability { NONE, MOB, HAND, PC, INC, COMM, LD, HEAR, VIS, BEH, CON, AUT, DDA }

    /** School census first language (list LANGUAGE). */
    public enum Language {
        ENG, ENB, OTB, REF, ARA, BNG, CHI, FRN, GUJ, KUR, LIT, PNJ, POL, POR, PRS, RMN, SOM, SPA, TIG, TUR, URD, OTL
    }

    /** A worker's answer to a proposed match at the front door (list MATCH_DECISION). */
    public enum MatchDecision { CONFIRM, REJECT }

    /**
     * What a chronology entry is about (list CHRONOLOGY_KIND): what the system records, and the
     * significant events a worker adds ({@link #recordedByWorker()}).
     */
    public enum ChronologyKind {
        CASE, CONTACT, SCREENING, REFERRAL_DECISION, ALLOCATION, ASSESSMENT, STRATEGY_DISCUSSION, S47_ENQUIRY, CONFERENCE,
        CP_REVIEW, PANEL_REQUEST, PANEL_DECISION, PLACEMENT, CARE_PLANNING, LEGAL, LOOKED_AFTER, REVIEW, VISIT, ESCALATION,
        NOTE,
        FAMILY_EVENT(true), HEALTH_EVENT(true), EDUCATION_EVENT(true), POLICE_INCIDENT(true), MISSING_EPISODE(true),
        HOUSING_EVENT(true), COURT_EVENT(true), OTHER_EVENT(true);

        private final boolean recordedByWorker;

        ChronologyKind() {
            this(false);
        }

        ChronologyKind(boolean recordedByWorker) {
            this.recordedByWorker = recordedByWorker;
        }

        /** A significant event a worker adds, rather than one the system records. */
        public boolean recordedByWorker() {
            return recordedByWorker;
        }
    }
}
