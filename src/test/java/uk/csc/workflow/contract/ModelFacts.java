package uk.csc.workflow.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What a BPMN model (with its decisions and forms) names: ids, messages, variables it reads, rules, form fields. */
record ModelFacts(String processId, Set<String> userTasks, Set<String> tasksWithoutDueDate, Set<String> elementIds, Set<String> messages, Set<String> variablesRead,
                  Set<String> ruleInputs, Set<String> writableFields, Set<String> readOnlyFields, Set<String> startFormFields) {

    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.'\"])([a-zA-Z_][A-Za-z0-9_]*)(?!\\s*\\()");
    /** A task's due date from a rule: {@code ${taskDue.within(execution, 'ALLOCATION')}}. */
    private static final Pattern TASK_DUE_RULE = Pattern.compile("taskDue\\.within\\(\\w+,\\s*'(\\w+)'\\)");
    private static final Set<String> NOT_VARIABLES = Set.of("null", "true", "false", "execution", "task", "and", "or", "not", "empty");

    Set<String> formFields() {
        Set<String> all = new HashSet<>(writableFields);
        all.addAll(readOnlyFields);
        all.addAll(startFormFields);
        return all;
    }

    static ModelFacts read(Path bpmn) throws IOException {
        Document doc = parse(bpmn);
        Element process = (Element) doc.getElementsByTagNameNS(BPMN, "process").item(0);
        Set<String> userTasks = new HashSet<>();
        Set<String> undated = new HashSet<>();
        Set<String> rules = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Set<String> messages = new HashSet<>();
        Set<String> read = new HashSet<>();
        Set<String> writable = new HashSet<>();
        Set<String> readOnly = new HashSet<>();
        Set<String> start = new HashSet<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute("id")) {
                ids.add(e.getAttribute("id"));
            }
            if (BPMN.equals(e.getNamespaceURI()) && "userTask".equals(e.getLocalName())) {
                userTasks.add(e.getAttribute("id"));
                String due = e.getAttributeNS(CAMUNDA, "dueDate");
                if (due.isBlank()) {
                    undated.add(e.getAttribute("id"));
                }
                Matcher rule = TASK_DUE_RULE.matcher(due);
                while (rule.find()) {
                    rules.add(rule.group(1));
                }
            }
            if (BPMN.equals(e.getNamespaceURI()) && "message".equals(e.getLocalName())) {
                messages.add(e.getAttribute("name"));
            }
            NamedNodeMap attributes = e.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                identifiersIn(attributes.item(a).getNodeValue(), read);
            }
            if (e.getFirstChild() != null && e.getFirstChild().getNodeType() == Node.TEXT_NODE) {
                identifiersIn(e.getTextContent(), read);
            }
            if (CAMUNDA.equals(e.getNamespaceURI()) && ("inputParameter".equals(e.getLocalName()) || "outputParameter".equals(e.getLocalName()))) {
                read.add(e.getAttribute("name"));
                if ("rule".equals(e.getAttribute("name")) && !e.getTextContent().contains("{")) {
                    rules.add(e.getTextContent().trim());
                }
            }
            String initiator = e.getAttributeNS(CAMUNDA, "initiator");
            if (!initiator.isEmpty()) {
                read.add(initiator);
            }
            String decision = e.getAttributeNS(CAMUNDA, "decisionRef");
            if (!decision.isEmpty()) {
                decisionInputs(bpmn.resolveSibling(decision + ".dmn"), read);
            }
            String formRef = e.getAttributeNS(CAMUNDA, "formRef");
            if (!formRef.isEmpty()) {
                boolean startForm = "startEvent".equals(e.getLocalName());
                fields(bpmn.getParent().resolveSibling("forms").resolve(formRef + ".form"), startForm ? start : writable,
                        startForm ? start : readOnly);
            }
        }
        return new ModelFacts(process.getAttribute("id"), userTasks, undated, ids, messages, read, rules, writable, readOnly, start);
    }

    private static void identifiersIn(String text, Set<String> into) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String body = expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "");
            Matcher id = IDENTIFIER.matcher(body);
            while (id.find()) {
                if (!NOT_VARIABLES.contains(id.group(1))) {
                    into.add(id.group(1));
                }
            }
        }
    }

    private static void decisionInputs(Path dmn, Set<String> into) throws IOException {
        NodeList texts = parse(dmn).getElementsByTagNameNS("*", "inputExpression");
        for (int i = 0; i < texts.getLength(); i++) {
            into.add(texts.item(i).getTextContent().trim());
        }
    }

    private static void fields(Path form, Set<String> writable, Set<String> readOnly) throws IOException {
        collect(new ObjectMapper().readTree(Files.readString(form)), writable, readOnly);
    }

    private static void collect(JsonNode node, Set<String> writable, Set<String> readOnly) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                (component.path("readonly").asBoolean(false) ? readOnly : writable).add(component.get("key").asText());
            }
            collect(component, writable, readOnly);
        }
    }

    private static Document parse(Path file) throws IOException {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IOException("Cannot read " + file, e);
        }
    }
}
