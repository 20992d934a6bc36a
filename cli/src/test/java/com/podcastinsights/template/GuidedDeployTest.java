package com.podcastinsights.template;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * `sam deploy --guided` asks for the parameters in the template's order and offers each Default; an operator who
 * accepts them all and types only SenderAddress must get a deploy that CloudFormation takes. The guided deploy
 * also asks to confirm each public Function URL (default "N", which aborts): the README says what to answer.
 */
class GuidedDeployTest {
    private final Path root = SamTemplate.projectRoot();
    private final SamTemplate template;

    GuidedDeployTest() throws java.io.IOException {
        template = new SamTemplate(CfnYaml.read(root.resolve("template.yaml")));
    }

    @Test
    void senderAddressIsAskedFirstAndIsTheOnlyParameterWithoutADefault() {
        List<String> names = new ArrayList<>();
        template.root.path("Parameters").fieldNames().forEachRemaining(names::add);
        assertEquals("SenderAddress", names.get(0), "the guided deploy asks in this order: " + names);
        List<String> required = names.stream()
                .filter(n -> !template.root.path("Parameters").path(n).has("Default")).toList();
        assertEquals(List.of("SenderAddress"), required);
    }

    @Test
    void everyDefaultMeetsItsOwnConstraints() {
        List<String> problems = problems(template.root.path("Parameters"));
        assertEquals(List.of(), problems);
    }

    /** What CloudFormation would refuse of the parameters' own defaults. */
    static List<String> problems(JsonNode parameters) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : entries(parameters)) {
            JsonNode p = e.getValue();
            if (!p.has("Default")) continue;
            String d = p.path("Default").asText();
            String name = e.getKey();
            if (p.has("AllowedPattern") && !d.matches(p.path("AllowedPattern").asText())) {
                problems.add(name + ": default '" + d + "' does not match " + p.path("AllowedPattern").asText());
            }
            if (p.has("AllowedValues")) {
                List<String> allowed = new ArrayList<>();
                p.path("AllowedValues").forEach(v -> allowed.add(v.asText()));
                if (!allowed.contains(d)) problems.add(name + ": default '" + d + "' is not one of " + allowed);
            }
            if (p.has("MinLength") && d.length() < p.path("MinLength").asInt()) problems.add(name + ": default too short");
            if (p.has("MaxLength") && d.length() > p.path("MaxLength").asInt()) problems.add(name + ": default too long");
            if ("Number".equals(p.path("Type").asText())) {
                double v;
                try {
                    v = Double.parseDouble(d);
                } catch (NumberFormatException x) {
                    problems.add(name + ": default '" + d + "' is not a number");
                    continue;
                }
                if (p.has("MinValue") && v < p.path("MinValue").asDouble()) problems.add(name + ": default below MinValue");
                if (p.has("MaxValue") && v > p.path("MaxValue").asDouble()) problems.add(name + ": default above MaxValue");
            }
        }
        return problems;
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        node.fields().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theCheckFindsADefaultItsPatternRefuses() {
        JsonNode bad = TemplateTest.JSON.createObjectNode().set("X", TemplateTest.JSON.createObjectNode()
                .put("Type", "String").put("Default", "").put("AllowedPattern", "^[a-z]+$"));
        assertEquals(1, problems(bad).size());
    }

    @Test
    void theReadmeSaysWhatToAnswerForEachPublicFunctionUrl() throws Exception {
        String readme = Files.readString(root.resolve("README.md"));
        for (Map.Entry<String, JsonNode> r : entries(template.root.path("Resources"))) {
            JsonNode url = r.getValue().path("Properties").path("FunctionUrlConfig");
            if (!"NONE".equals(url.path("AuthType").asText())) continue;
            String prompt = r.getKey() + " Function Url has no authentication. Is this okay?";
            assertTrue(readme.contains(prompt), "README.md must explain sam's prompt: " + prompt);
        }
    }

    @Test
    void aSenderDomainGetsItsSesIdentityWithEasyDkim() {
        JsonNode identity = template.root.path("Resources").path("SenderDomainIdentity");
        assertEquals("AWS::SES::EmailIdentity", identity.path("Type").asText());
        assertEquals("HasSenderDomain", identity.path("Condition").asText());
        assertEquals("{\"Ref\":\"SenderDomain\"}", identity.path("Properties").path("EmailIdentity").toString());
        assertTrue(identity.path("Properties").path("DkimAttributes").path("SigningEnabled").asBoolean());
        assertEquals("", template.root.path("Parameters").path("SenderDomain").path("Default").asText());
    }
}
