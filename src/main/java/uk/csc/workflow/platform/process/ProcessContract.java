package uk.csc.workflow.platform.process;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the class that declares a model's contract with the Java (element ids, messages,
 * variables, which form fields are case data). The build checks each such class against its model
 * and forms: a rename in one place only fails {@code ProcessContractTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProcessContract {

    /** The model's file name in {@code processes/}. */
    String model();
}
