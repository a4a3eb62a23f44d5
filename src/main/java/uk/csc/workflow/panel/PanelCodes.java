package uk.csc.workflow.panel;

import java.util.Set;

/** Code lists of the panel (form and variable values) and SSDA903 codes (2024-25 collection). */
public final class PanelCodes {

    private PanelCodes() {
    }

    public enum Proposal { S20_ACCOMMODATION, PLO_PRE_PROCEEDINGS, ISSUE_CARE_PROCEEDINGS, SUPPORT_AT_HOME }

    public enum EmergencyAdmission { POLICE_PROTECTION, EMERGENCY_PROTECTION_ORDER, OUT_OF_HOURS_ACCOMMODATION }

    public enum Decision { ADMIT_TO_CARE, LEGAL_PROCEEDINGS, SUPPORT_AT_HOME, MORE_INFORMATION }

    public enum LegalRoute { PRE_PROCEEDINGS, ISSUE }

    public enum YesNo { YES, NO }

    public enum PreProceedingsOutcome { ISSUE_PROCEEDINGS, STEP_DOWN }

    public enum FinalOrder {
        CARE_ORDER, SUPERVISION_ORDER, SPECIAL_GUARDIANSHIP_ORDER, CHILD_ARRANGEMENTS_ORDER, PLACEMENT_ORDER, NO_ORDER, WITHDRAWN
    }

    public enum PermanencePlan { RETURN_HOME, LONG_TERM_FOSTERING, ADOPTION, SPECIAL_GUARDIANSHIP, RESIDENTIAL, INDEPENDENCE }

    /** SSDA903 legal status (LS). */
    public enum LegalStatus { C1, C2, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3 }

    /** SSDA903 placement provider (PLACE_PROVIDER). */
    public enum Provider { PR0, PR1, PR2, PR3, PR4, PR5 }

    /**
     * SSDA903 placement type (PLACE), ranked by the council's preference: family and friends,
     * then its own foster carers, then agency fostering, then residential care.
     */
    public enum PlacementType {
        U1, U2, U3, U4, U5, U6, K1, K2, R1, P1, P2, H5, S1, R2, R3, R5, Z1;

        static final Set<PlacementType> FAMILY_AND_FRIENDS = Set.of(U1, U2, U3);
        static final Set<PlacementType> FOSTERING = Set.of(U1, U2, U3, U4, U5, U6);
        static final Set<PlacementType> RESIDENTIAL = Set.of(K1, K2, R1, S1);

        public boolean isFamilyAndFriends() {
            return FAMILY_AND_FRIENDS.contains(this);
        }

        public boolean isFostering() {
            return FOSTERING.contains(this);
        }

        public boolean isResidential() {
            return RESIDENTIAL.contains(this);
        }
    }
}
