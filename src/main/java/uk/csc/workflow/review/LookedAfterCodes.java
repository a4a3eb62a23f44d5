package uk.csc.workflow.review;

/**
 * SSDA903 code sets of DOMAIN.md section 5, as enums whose names are the codes
 * (children looked after return, 2024-25 collection year).
 */
public final class LookedAfterCodes {

    /** REC for an episode that ends because a new one starts in the same period of care. */
    public static final String EPISODE_CONTINUES = "X1";

    private LookedAfterCodes() {
    }

    /** LS, legal status (2024-25). */
    public enum LegalStatus { C1, C2, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3 }

    /** PLACE, placement type (2024-25). */
    public enum PlacementType {
        U1, U2, U3, U4, U5, U6, K1, K2, R1, P1, P2, H5, S1, A3, A4, A5, A6, R2, R3, R5, T0, T1, T2, T3, T4, Z1
    }

    /** PLACE_PROVIDER (2024-25). */
    public enum PlacementProvider { PR0, PR1, PR2, PR3, PR4, PR5 }

    /**
     * RNE, reason for new episode (2024-25): S started; L legal status change; P placement and
     * carer change; T placement change, same carer; B all three; U legal status and placement, same carer.
     */
    public enum ReasonForNewEpisode {
        S, L, P, T, B, U;

        /** The new episode also changes the legal status. */
        boolean changesLegalStatus() {
            return this == L || this == B || this == U;
        }

        /** The child moves placement, so the visit clock starts again. */
        boolean changesPlacement() {
            return this == P || this == T || this == B || this == U;
        }
    }

    /** REC, reason the period of care ended (2024-25); X1 is the system's, not a user's choice. */
    public enum ReasonCeased {
        E11, E12, E2, E3, E4A, E4B, E13, E41, E45, E46, E47, E48, E5, E6, E7, E9, E14, E15, E16, E17, E8
    }

    /** REVIEW_CODE, the child's participation in a review (2024-25); PN0 only under 4. */
    public enum Participation { PN0, PN1, PN2, PN3, PN4, PN5, PN6, PN7 }

    /** Whether the child was seen alone on a visit (regulation 28(4)). */
    public enum SeenAlone { YES, NO }
}
