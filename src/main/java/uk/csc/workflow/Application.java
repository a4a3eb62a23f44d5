package uk.csc.workflow;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Application {

    /** Statutory dates are local dates in England; pin the zone however the JVM was started. */
    public static final String STATUTORY_ZONE = "Europe/London";

    public static void main(String[] args) {
        TimeZone.setDefault(TimeZone.getTimeZone(STATUTORY_ZONE));
        SpringApplication.run(Application.class, args);
    }
}
