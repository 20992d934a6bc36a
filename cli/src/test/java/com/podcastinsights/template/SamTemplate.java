package com.podcastinsights.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read-only views of template.yaml (as parsed by {@link CfnYaml}) that the checks share. */
final class SamTemplate {
    static final String FUNCTION = "AWS::Serverless::Function";

    final JsonNode root;

    SamTemplate(JsonNode root) {
        this.root = root;
    }

    /** The repository root: the surefire property, else the nearest folder upward that holds template.yaml. */
    static Path projectRoot() {
        String prop = System.getProperty("project.root");
        if (prop != null && Files.isRegularFile(Path.of(prop, "template.yaml"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("template.yaml"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find template.yaml above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    JsonNode resources() {
        return root.path("Resources");
    }

    JsonNode resource(String logicalId) {
        return resources().path(logicalId);
    }

    /** Logical ids of every resource of {@code type}, in template order. */
    List<String> ofType(String type) {
        List<String> ids = new ArrayList<>();
        resources().fields().forEachRemaining(e -> {
            if (type.equals(e.getValue().path("Type").asText())) ids.add(e.getKey());
        });
        return ids;
    }

    List<String> functions() {
        return ofType(FUNCTION);
    }

    /**
     * A function's properties with Globals.Function applied the way SAM applies them: the function's own value
     * wins for scalars, maps merge key by key (recursively), lists are additive.
     */
    ObjectNode effectiveProperties(String functionId) {
        JsonNode globals = root.path("Globals").path("Function");
        JsonNode own = resource(functionId).path("Properties");
        return (ObjectNode) merge(globals.isObject() ? globals : JsonNodeFactory.instance.objectNode(), own);
    }

    private static JsonNode merge(JsonNode global, JsonNode local) {
        if (local == null || local.isMissingNode()) return global.deepCopy();
        if (global == null || global.isMissingNode()) return local.deepCopy();
        if (global.isObject() && local.isObject() && !isIntrinsic(local)) {
            ObjectNode out = global.deepCopy();
            local.fields().forEachRemaining(e -> out.set(e.getKey(), merge(global.get(e.getKey()), e.getValue())));
            return out;
        }
        if (global.isArray() && local.isArray()) {
            ArrayNode out = global.deepCopy();
            out.addAll((ArrayNode) local.deepCopy());
            return out;
        }
        return local.deepCopy();
    }

    static boolean isIntrinsic(JsonNode n) {
        if (!n.isObject() || n.size() != 1) return false;
        String k = n.fieldNames().next();
        return k.equals("Ref") || k.startsWith("Fn::") || k.equals("Condition");
    }

    /** Environment variables the function gets (Globals and its own). */
    Map<String, JsonNode> environment(String functionId) {
        Map<String, JsonNode> vars = new LinkedHashMap<>();
        effectiveProperties(functionId).path("Environment").path("Variables").fields()
                .forEachRemaining(e -> vars.put(e.getKey(), e.getValue()));
        return vars;
    }

    /** The function's Events entries of the given SAM event type, by event name. */
    Map<String, JsonNode> events(String functionId, String eventType) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        resource(functionId).path("Properties").path("Events").fields().forEachRemaining(e -> {
            if (eventType.equals(e.getValue().path("Type").asText())) out.put(e.getKey(), e.getValue().path("Properties"));
        });
        return out;
    }

    /**
     * Every IAM statement of the function's inline Policies (policy documents with a Statement list). A policy
     * under {@code !If [Condition, document, !Ref AWS::NoValue]} counts with its document: the checks look at what
     * the function may do with the condition on, which is the most it may do.
     */
    List<JsonNode> policyStatements(String functionId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode policy : resource(functionId).path("Properties").path("Policies")) {
            if (isConditionalPolicy(policy)) policy = policy.path("Fn::If").path(1);
            JsonNode statements = policy.path("Statement");
            if (statements.isArray()) statements.forEach(out::add);
            else if (statements.isObject()) out.add(statements);
        }
        return out;
    }

    /** {@code !If [Condition, {Statement: ...}, !Ref AWS::NoValue]}: an inline policy only when the condition holds. */
    static boolean isConditionalPolicy(JsonNode policy) {
        JsonNode branches = policy.path("Fn::If");
        return branches.isArray() && branches.size() == 3 && branches.path(1).has("Statement")
                && "AWS::NoValue".equals(branches.path(2).path("Ref").asText());
    }

    /** "com.x.Y::handleRequest" -> "com.x.Y". */
    String handlerClass(String functionId) {
        String handler = effectiveProperties(functionId).path("Handler").asText();
        int i = handler.indexOf("::");
        return i < 0 ? handler : handler.substring(0, i);
    }

    String handlerMethod(String functionId) {
        String handler = effectiveProperties(functionId).path("Handler").asText();
        int i = handler.indexOf("::");
        return i < 0 ? "handleRequest" : handler.substring(i + 2);
    }

    /** The function's CodeUri folder, relative to the repository root. */
    String codeUri(String functionId) {
        return effectiveProperties(functionId).path("CodeUri").asText();
    }

    /** Values of an Action (or Resource) element, which may be a string or a list. */
    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isTextual()) out.add(n.asText());
        else if (n.isArray()) n.forEach(v -> out.add(v.isTextual() ? v.asText() : v.toString()));
        return out;
    }

    /** The string a {@code Fn::Sub} (either form) or a plain string holds. */
    static String subTemplate(JsonNode n) {
        if (n.isTextual()) return n.asText();
        JsonNode sub = n.path("Fn::Sub");
        if (sub.isTextual()) return sub.asText();
        if (sub.isArray() && sub.size() > 0 && sub.get(0).isTextual()) return sub.get(0).asText();
        throw new IllegalArgumentException("not a string or Fn::Sub: " + n);
    }
}
