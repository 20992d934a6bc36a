package com.podcastinsights.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import software.amazon.event.ruler.JsonRuleCompiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the bus routes from template.yaml, so the local run routes by the very rules that are deployed.
 *
 * <p>Every {@code AWS::Serverless::Function} event of Type {@code EventBridgeRule} becomes a {@link Route}: the
 * function's logical id, its Handler class (the part before {@code ::}, falling back to Globals.Function.Handler)
 * and the Pattern as compact JSON. The YAML parser reads CloudFormation short-form tags ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub}, ...) as their plain scalar or sequence, which is enough here: patterns are
 * literal, and values resolved by an intrinsic are not evaluated.
 */
public final class TemplateRoutes {
    private static final YAMLMapper YAML = new YAMLMapper();

    private TemplateRoutes() {
    }

    public static List<Route> load(Path templateYaml) {
        JsonNode root;
        try {
            root = YAML.readTree(templateYaml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + templateYaml, e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(templateYaml + " is not a YAML mapping");
        }
        String globalHandler = root.path("Globals").path("Function").path("Handler").asText(null);
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> resource : root.path("Resources").properties()) {
            JsonNode r = resource.getValue();
            if (!"AWS::Serverless::Function".equals(r.path("Type").asText())) continue;
            String name = resource.getKey();
            JsonNode properties = r.path("Properties");
            for (Map.Entry<String, JsonNode> event : properties.path("Events").properties()) {
                if (!"EventBridgeRule".equals(event.getValue().path("Type").asText())) continue;
                String where = templateYaml.getFileName() + ": " + name + ".Events." + event.getKey();
                String handler = properties.path("Handler").asText(globalHandler);
                if (handler == null || handler.isBlank()) {
                    throw new IllegalArgumentException(where + ": function has no Handler");
                }
                JsonNode pattern = event.getValue().path("Properties").path("Pattern");
                if (!pattern.isObject()) {
                    throw new IllegalArgumentException(where + ": EventBridgeRule has no Pattern mapping");
                }
                String json = pattern.toString();
                String problem = check(json);
                if (problem != null) {
                    throw new IllegalArgumentException(where + ": invalid event pattern (" + problem + "): " + json);
                }
                routes.add(new Route(name, handlerClass(handler), json));
            }
        }
        return routes;
    }

    private static String check(String json) {
        try {
            return JsonRuleCompiler.check(json);
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    private static String handlerClass(String handler) {
        int sep = handler.indexOf("::");
        return sep < 0 ? handler : handler.substring(0, sep);
    }
}
