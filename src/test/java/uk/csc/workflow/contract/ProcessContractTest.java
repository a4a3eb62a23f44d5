package uk.csc.workflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import uk.csc.workflow.clocks.StatutoryRuleIds;
import uk.csc.workflow.clocks.process.ClockVariables;
import uk.csc.workflow.platform.process.CaseVariables;
import uk.csc.workflow.platform.process.ProcessContract;

/**
 * The names that tie the models to the Java, checked both ways at build time: every element id,
 * message and variable a contract class declares exists in its model; every rule id in a model or
 * in the Java is a statutory rule; every form field is routing, case data or shown; the clock
 * variables have one writer; and no Java names a model element by a string literal of its own.
 */
class ProcessContractTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final Pattern ELEMENT_LITERAL = Pattern.compile(
            "\"((UserTask|ServiceTask|BoundaryEvent|Message|Signal|Gateway|EndEvent|StartEvent|TimerEvent|IntermediateCatchEvent|BusinessRuleTask|SubProcess)_\\w+)\"");
    private static final Pattern CLOCK_VARIABLE = Pattern.compile("\\b([a-z][A-Za-z0-9]*?)(DueAt|RemindAt|ServiceManagerAt|DueOn)\\b");

    static Stream<Class<?>> contracts() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessContract.class));
        return scanner.findCandidateComponents("uk.csc.workflow").stream().map(BeanDefinition::getBeanClassName).map(name -> {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void everyModelHasAContract() throws IOException {
        Set<String> declared = new HashSet<>(contracts().map(c -> c.getAnnotation(ProcessContract.class).model()).toList());
        try (Stream<Path> models = Files.list(PROCESSES)) {
            assertThat(models.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn")))
                    .allSatisfy(model -> assertThat(declared).as("a @ProcessContract for " + model).contains(model));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void theContractMatchesItsModelAndForms(Class<?> contract) throws IOException {
        var model = ModelFacts.read(PROCESSES.resolve(contract.getAnnotation(ProcessContract.class).model()));
        List<String> problems = new ArrayList<>();

        if (!model.processId().equals(constant(contract, "PROCESS_ID"))) {
            problems.add("PROCESS_ID is " + constant(contract, "PROCESS_ID") + " but the model's process id is " + model.processId());
        }
        Set<String> tasks = nested(contract, "Tasks");
        tasks.stream().filter(id -> !model.userTasks().contains(id)).forEach(id -> problems.add("no user task " + id + " in the model"));
        model.userTasks().stream().filter(id -> !tasks.contains(id)).forEach(id -> problems.add("user task " + id + " is not in Tasks"));
        nested(contract, "Elements").stream().filter(id -> !model.elementIds().contains(id))
                .forEach(id -> problems.add("no element " + id + " in the model"));
        nested(contract, "Messages").stream().filter(name -> !model.messages().contains(name))
                .forEach(name -> problems.add("no message " + name + " in the model"));

        Set<String> keys = Set.copyOf(list(contract, "KEYS"));
        Set<String> carried = Set.copyOf(list(contract, "CARRIED"));
        Set<String> routing = nested(contract, "Variables");
        routing.stream().filter(v -> !keys.contains(v) && !carried.contains(v) && !model.variablesRead().contains(v)
                        && !model.formFields().contains(v))
                .forEach(v -> problems.add("variable " + v + " is neither read by the model nor a form field"));
        Set<String> caseData = Set.copyOf(list(contract, "CASE_DATA"));
        Set<String> startData = Set.copyOf(list(contract, "START_DATA"));
        caseData.stream().filter(v -> !model.writableFields().contains(v))
                .forEach(v -> problems.add("case data " + v + " is no field of the model's task forms"));
        startData.stream().filter(v -> !model.startFormFields().contains(v))
                .forEach(v -> problems.add("start data " + v + " is no field of the start form"));
        model.writableFields().stream().filter(f -> !routing.contains(f) && !caseData.contains(f) && !startData.contains(f))
                .forEach(f -> problems.add("form field " + f + " is neither routing (Variables) nor case data"));
        model.writableFields().stream().filter(f -> keys.contains(f) || systemVariables().contains(f))
                .forEach(f -> problems.add("form field " + f + " would let a form set a variable only the system writes"));
        Set<String> clockNames = clockNames(contract);
        model.readOnlyFields().stream().filter(f -> !routing.contains(f) && !systemVariables().contains(f) && !isClockVariable(f, clockNames))
                .forEach(f -> problems.add("shown field " + f + " shows no variable the process has"));
        model.variablesRead().stream().filter(v -> CLOCK_VARIABLE.matcher(v).matches() && !isClockVariable(v, clockNames))
                .forEach(v -> problems.add("clock variable " + v + " belongs to no statutory rule and no declared clock"));
        model.ruleInputs().stream().filter(rule -> !ruleIds().contains(rule))
                .forEach(rule -> problems.add("rule " + rule + " is not in the statutory rules"));

        assertThat(problems).as(contract.getSimpleName() + " against its model").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void everyUserTaskHasADueDate(Class<?> contract) throws IOException {
        var model = ModelFacts.read(PROCESSES.resolve(contract.getAnnotation(ProcessContract.class).model()));
        assertThat(model.tasksWithoutDueDate()).as("user tasks of " + model.processId() + " without camunda:dueDate").isEmpty();
    }

    @Test
    void everyRuleIdTheJavaNamesIsAStatutoryRule() {
        assertThat(constants(StatutoryRuleIds.class)).isNotEmpty().allSatisfy(rule -> assertThat(ruleIds()).contains(rule));
    }

    @Test
    void clockVariablesHaveOneWriter() throws IOException {
        Pattern writes = Pattern.compile("\"\\w*(DueAt|RemindAt|ServiceManagerAt|DueOn)\"|\\+ \"(DueAt|RemindAt|ServiceManagerAt|DueOn)\"");
        assertThat(javaFilesMatching(writes)).as("Java files naming clock variables").containsExactly(
                MAIN_JAVA.resolve("uk/csc/workflow/clocks/process/ClockVariables.java").toString());
    }

    @Test
    void noJavaNamesAModelElementByALiteralOfItsOwn() throws IOException {
        assertThat(javaFilesMatching(ELEMENT_LITERAL)).as("Java files with element ids outside the contracts")
                .allMatch(file -> contracts().anyMatch(c -> file.endsWith(c.getSimpleName() + ".java")));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Set<String> systemVariables() {
        return constants(CaseVariables.class);
    }

    private static boolean isClockVariable(String variable, Set<String> clockNames) {
        Matcher m = CLOCK_VARIABLE.matcher(variable);
        if (!m.matches()) {
            return false;
        }
        String name = m.group(1);
        return clockNames.contains(name) || ruleIds().stream().map(ClockVariables::prefix).anyMatch(name::equals);
    }

    /** Clock names a contract declares: its Clocks class and CLOCK_* constants. */
    private static Set<String> clockNames(Class<?> contract) {
        Set<String> names = new HashSet<>(nested(contract, "Clocks"));
        Arrays.stream(contract.getDeclaredFields()).filter(f -> f.getName().startsWith("CLOCK_")).forEach(f -> names.add(value(f).toString()));
        return names;
    }

    private static Set<String> ruleIds() {
        try {
            return Set.copyOf(Files.readAllLines(Path.of("src/main/resources/timescales/statutory-rules.csv")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split(",")[0].trim()).toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> javaFilesMatching(Pattern pattern) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return pattern.matcher(Files.readString(p)).find();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).sorted().toList();
        }
    }

    private static Object constant(Class<?> type, String name) {
        try {
            return type.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Class<?> type, String name) {
        Object value = constant(type, name);
        return value == null ? List.of() : (List<String>) value;
    }

    private static Set<String> nested(Class<?> contract, String name) {
        return Arrays.stream(contract.getDeclaredClasses()).filter(c -> c.getSimpleName().equals(name)).findFirst()
                .map(ProcessContractTest::constants).orElse(Set.of());
    }

    private static Set<String> constants(Class<?> type) {
        Set<String> values = new HashSet<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                values.add((String) value(field));
            }
        }
        return values;
    }

    private static Object value(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
