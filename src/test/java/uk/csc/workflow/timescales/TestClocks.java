package uk.csc.workflow.timescales;

/** Clocks built from the bundled data files, as the application builds them. */
final class TestClocks {

    private TestClocks() {
    }

    static BankHolidays bundledHolidays() {
        return BankHolidays.parse(TestClocks.class.getResourceAsStream("/timescales/bank-holidays-england-and-wales.csv"),
                "bundled");
    }

    static StatutoryRules bundledRules() {
        return StatutoryRules.parse(TestClocks.class.getResourceAsStream("/timescales/statutory-rules.csv"), "bundled");
    }

    static StatutoryTimescales clock(DayCounting counting) {
        return new StatutoryTimescales(bundledRules(), new WorkingDayCalendar(bundledHolidays()), counting,
                GuidanceProfile.WT2010);
    }
}
