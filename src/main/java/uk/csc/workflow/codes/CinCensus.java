package uk.csc.workflow.codes;

/**
 * The CIN census code lists the plans use, one set for the whole product: the services and the
 * forms accept exactly these (the forms' options are checked against them by the build). The
 * names are the codes; the labels are the 2024-25 collection's.
 */
public final class CinCensus {

    private CinCensus() {
    }

    /** The reason a child in need episode closed (CIN census closure reason). */
    public enum ClosureReason {
        /** Adopted. */
        RC1,
        /** Died. */
        RC2,
        /** Child arrangements order (residence). */
        RC3,
        /** Special guardianship order. */
        RC4,
        /** Transferred to the services of another local authority. */
        RC5,
        /** Transferred to adult social care services. */
        RC6,
        /** Services ceased for any other reason, including the child no longer being in need. */
        RC7,
        /** Case closed after assessment, no further action. */
        RC8,
        /** Case closed after assessment, referred to early help. */
        RC9
    }
}
