package uk.csc.workflow.referral;

import java.util.Set;

/** Code lists of DOMAIN.md section 5 used at the front door (CIN census 2024-25 collection). */
final class Codes {

    /** CIN census referral source. */
    static final Set<String> REFERRAL_SOURCES = Set.of("1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E",
            "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10");

    /** DfE ethnicity codes (CIN census and SSDA903). */
    static final Set<String> ETHNICITIES = Set.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH",
            "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    static final Set<String> SEXES = Set.of("M", "F", "U");

    private Codes() {
    }
}
