package com.podcastinsights.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation YAML template into a JSON tree with the short-form intrinsics expanded to their long
 * form ({@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !GetAtt A.B} becomes {@code {"Fn::GetAtt": ["A",
 * "B"]}}, {@code !Sub s} becomes {@code {"Fn::Sub": s}}, ...), the way CloudFormation itself sees them.
 *
 * <p>jackson-dataformat-yaml tolerates the tags but drops them ({@code !Ref EventBus} reads as the plain string
 * "EventBus", {@code !If [...]} as a bare list), which would let a check confuse a reference with a literal, so
 * the template goes through SnakeYAML (already on the classpath, under jackson-dataformat-yaml) with a
 * constructor for every {@code !} tag.
 */
final class CfnYaml {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CfnYaml() {
    }

    static JsonNode read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static JsonNode parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object tree = new Yaml(new IntrinsicConstructor(options)).load(yaml);
        return JSON.valueToTree(tree);
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            this.yamlMultiConstructors.put("!", new Intrinsic());
        }

        private final class Intrinsic extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String tag = node.getTag().getValue().substring(1);
                Object value;
                if (node instanceof ScalarNode s) {
                    value = constructScalar(s);
                } else if (node instanceof SequenceNode s) {
                    value = constructSequence(s);
                } else if (node instanceof MappingNode m) {
                    value = constructMapping(m);
                } else {
                    throw new IllegalArgumentException("unexpected node for !" + tag + ": " + node);
                }
                return switch (tag) {
                    case "Ref", "Condition" -> Map.of(tag, value);
                    case "GetAtt" -> Map.of("Fn::GetAtt", value instanceof String s
                            ? Arrays.asList(s.split("\\.", 2)) : value);
                    default -> Map.of("Fn::" + tag, value == null ? List.of() : value);
                };
            }
        }
    }
}
