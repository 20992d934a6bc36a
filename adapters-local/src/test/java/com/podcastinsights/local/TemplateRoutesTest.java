package com.podcastinsights.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplateRoutesTest {
    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(TemplateRoutesTest.class.getResource("/templates/" + name).toURI());
    }

    @Test
    void readsEveryEventBridgeRuleDespiteShortFormTags() throws Exception {
        List<Route> routes = TemplateRoutes.load(fixture("routes.yaml"));

        assertEquals(List.of(
                new Route("FetchTranscriptFunction", "com.podcastinsights.function.FetchTranscriptHandler",
                        "{\"source\":[\"podcast-insights\"],\"detail-type\":[\"Episode Discovered\"]}"),
                new Route("ExtractInsightsFunction", "com.podcastinsights.function.DefaultHandler",
                        "{\"source\":[\"podcast-insights\"],\"detail-type\":[\"Transcript Stored\"],"
                                + "\"detail\":{\"kind\":[{\"anything-but\":\"empty\"}]}}"),
                new Route("ExtractInsightsFunction", "com.podcastinsights.function.DefaultHandler",
                        "{\"source\":[\"podcast-insights.replay\"]}")),
                routes);
    }

    @Test
    void refusesAnInvalidPatternNamingWhereItIs() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> TemplateRoutes.load(fixture("invalid-pattern.yaml")));

        assertTrue(e.getMessage().contains("BrokenFunction.Events.Bad"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid event pattern"), e.getMessage());
    }

    @Test
    void refusesARuleWithoutAPattern(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("t.yaml");
        Files.writeString(template, """
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Events:
                        E:
                          Type: EventBridgeRule
                          Properties:
                            EventBusName: !Ref Bus
                """);

        var e = assertThrows(IllegalArgumentException.class, () -> TemplateRoutes.load(template));

        assertTrue(e.getMessage().contains("F.Events.E") && e.getMessage().contains("no Pattern"), e.getMessage());
    }
}
