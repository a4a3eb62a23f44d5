package uk.csc.workflow.timescales;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the calendar and rules once at start; a bad override file stops the start with its line number. */
@Configuration(proxyBeanMethods = false)
class TimescalesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TimescalesConfiguration.class);
    private static final String BUNDLED_HOLIDAYS = "/timescales/bank-holidays-england-and-wales.csv";
    private static final String BUNDLED_RULES = "/timescales/statutory-rules.csv";

    @Bean
    StatutoryTimescales statutoryTimescales(TimescalesProperties properties, ObjectProvider<LocalTimescales> local) {
        BankHolidays holidays = load(properties.bankHolidaysFile(), BUNDLED_HOLIDAYS, BankHolidays::parse);
        StatutoryRules rules = load(properties.rulesFile(), BUNDLED_RULES, StatutoryRules::parse);
        Map<String, LocalTimescales.LocalAmount> amounts = new LinkedHashMap<>();
        local.orderedStream().forEach(settings -> amounts.putAll(settings.amounts()));
        if (!amounts.isEmpty()) {
            rules = rules.withLocalAmounts(amounts);
            log.info("Statutory clock: local amounts {}", amounts);
        }
        log.info("Statutory clock: profile {}, {}, bank holidays listed for {}, {} rules",
                properties.profile(), properties.dayCounting(), holidays.listedYears(), rules.all().size());
        return new StatutoryTimescales(rules, new WorkingDayCalendar(holidays), properties.dayCounting(),
                properties.profile());
    }

    private interface Parser<T> {
        T parse(InputStream in, String origin);
    }

    private static <T> T load(String overrideFile, String bundled, Parser<T> parser) {
        if (overrideFile != null && !overrideFile.isBlank()) {
            Path path = Path.of(overrideFile);
            try (InputStream in = Files.newInputStream(path)) {
                return parser.parse(in, path.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + path, e);
            }
        }
        try (InputStream in = TimescalesConfiguration.class.getResourceAsStream(bundled)) {
            if (in == null) {
                throw new IllegalStateException(bundled + " is missing from the classpath");
            }
            return parser.parse(in, bundled);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
