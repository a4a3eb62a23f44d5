package uk.csc.workflow.codes;

import java.util.Set;

/**
 * The SSDA903 (children looked after) code lists of DOMAIN.md section 5, one set for the whole
 * product: the panel's placement, the looked-after API and the forms all accept exactly these
 * (the forms' options are checked against them by the build). The names are the codes.
 * Which collection years accept each code is data ({@link CodeYears}, codes/code-years.txt): the
 * enums keep every code a record may hold; a new fact takes only the codes valid on its date.
 */
public final class Ssda903 {

    /** REC for an episode that ends because a new one starts in the same period of care. */
    public static final String EPISODE_CONTINUES = "X1";

    private Ssda903() {
    }

    /** LS, legal status. */
    public enum LegalStatus { C1, C2, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3 }

    /**
     * PLACE, placement type, in the council's order of preference for a new placement: family and
     * friends, then other foster carers, then the rest.
     */
    public enum PlacementType {
        U1, U2, U3, U4, U5, U6, K1, K2, K3, R1, P1, P2, H5, S1, A3, A4, A5, A6, R2, R3, R5, T0, T1, T2, T3, T4, Z1,
        /** From 2025-26 (codes/code-years.txt), replacing Z1. */
        Z11, Z12, Z13, Z14;

        private static final Set<PlacementType> FAMILY_AND_FRIENDS = Set.of(U1, U2, U3);
        private static final Set<PlacementType> FOSTERING = Set.of(U1, U2, U3, U4, U5, U6);
        private static final Set<PlacementType> RESIDENTIAL = Set.of(K1, K2, R1, S1);

        public boolean isFamilyAndFriends() {
            return FAMILY_AND_FRIENDS.contains(this);
        }

        public boolean isFostering() {
            return FOSTERING.contains(this);
        }

        /** Residential care: needs a justification and the service manager's approval at the panel. */
        public boolean isResidential() {
            return RESIDENTIAL.contains(this);
        }
    }

    /** PLACE_PROVIDER. */
    public enum PlacementProvider {
        PR0, PR1, PR2, PR3, PR4, PR5;

        public boolean isOwnAuthority() {
            return this == PR1;
        }
    }

    /**
     * RNE, reason for new episode: S started; L legal status change; P placement and carer change;
     * T placement change, same carer; B all three; U legal status and placement, same carer.
     */
    public enum ReasonForNewEpisode {
        S, L, P, T, B, U;

        /** The new episode also changes the legal status. */
        public boolean changesLegalStatus() {
            return this == L || this == B || this == U;
        }

        /** The child moves placement, so the visit clock starts again. */
        public boolean changesPlacement() {
            return this == P || this == T || this == B || this == U;
        }
    }

    /** REC, reason the period of care ended; X1 is the system's, not a user's choice. */
    public enum ReasonCeased {
        E11, E12, E2, E3, E4A, E4B, E13, E41, E45, E46, E47, E48, E5, E6, E7, E9, E14, E15, E16, E17, E8
    }

    /** REVIEW_CODE, the child's participation in a review; PN0 only under 4. */
    public enum Participation { PN0, PN1, PN2, PN3, PN4, PN5, PN6, PN7 }
}
