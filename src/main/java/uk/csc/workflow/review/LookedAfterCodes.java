package uk.csc.workflow.review;

/** Code lists of the looked-after work that are not SSDA903 codes (those are in {@code codes.Ssda903}). */
public final class LookedAfterCodes {

    private LookedAfterCodes() {
    }

    /** Whether the child was seen alone on a visit (regulation 28(4)). */
    public enum SeenAlone { YES, NO }
}
