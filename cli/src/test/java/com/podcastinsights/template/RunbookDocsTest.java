package com.podcastinsights.template;

import com.podcastinsights.digest.DigestReport;
import com.podcastinsights.event.InsightsExtracted;
import com.podcastinsights.event.TranscriptStored;
import com.podcastinsights.feed.PollReport;
import com.podcastinsights.metrics.Emf;
import com.podcastinsights.metrics.StageMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's runbook names every metric the functions emit and every alarm of the template, so neither can
 * be added without saying what it means. Reads docs/operations-runbook.md and docs/operations.md, whichever exist
 * (the runbook may be merged into the latter).
 */
class RunbookDocsTest {
    static String runbook;
    static SamTemplate template;

    @BeforeAll
    static void load() throws IOException {
        Path root = SamTemplate.projectRoot();
        StringBuilder text = new StringBuilder();
        for (String doc : List.of("docs/operations-runbook.md", "docs/operations.md")) {
            Path p = root.resolve(doc);
            if (Files.isRegularFile(p)) text.append(Files.readString(p)).append('\n');
        }
        runbook = text.toString();
        TemplateTest.load();
        template = TemplateTest.template;
    }

    /** Every metric name StageMetrics can write, found by running each of its methods. */
    static Set<String> metricNames() {
        StageMetrics m = new StageMetrics(line -> { }, "s", Clock.systemUTC());
        List<Emf> all = new ArrayList<>(List.of(
                m.feedsPolled(new PollReport(1, 1, 1, 1, 1, 1, 1)),
                m.feedsFannedOut(1, 1, 1),
                m.transcript(Optional.of(new TranscriptStored("f", "e", "k", "vtt", 1))),
                m.transcript(Optional.empty()),
                m.transcriptionSkipped("DailyCap"),
                m.insights(new InsightsExtracted("f", "e", "d", 1)),
                m.digest(new DigestReport("d", 1, 1, 1, 1, 1, 1, null, 1, 1)),
                m.suppressed("Bounce", 1)));
        Set<String> names = new TreeSet<>();
        all.forEach(e -> names.addAll(e.counts().keySet()));
        return names;
    }

    @Test
    void everyMetricIsDescribed() {
        Set<String> names = metricNames();
        assertTrue(names.size() >= 15, names.toString());
        assertEquals(List.of(), names.stream().filter(n -> !runbook.contains("`" + n + "`")).toList());
    }

    @Test
    void everyAlarmIsDescribed() {
        List<String> alarms = template.ofType("AWS::CloudWatch::Alarm");
        assertTrue(alarms.size() >= 10, alarms.toString());
        assertEquals(List.of(), alarms.stream().filter(a -> !runbook.contains("`" + a + "`")).toList());
    }

    /**
     * Alarms on the namespace of our EMF lines that name a metric no stage emits, or other dimensions than a line
     * carries (Stack = the stack name, Stage = one of the stages): such an alarm would watch nothing, forever OK.
     */
    static List<String> ownMetricProblems(SamTemplate t) {
        Set<String> names = metricNames();
        Set<String> stages = Set.of(StageMetrics.FETCH_FEEDS, StageMetrics.FETCH_TRANSCRIPT,
                StageMetrics.EXTRACT_INSIGHTS, StageMetrics.SEND_DIGEST, StageMetrics.MAIL_FEEDBACK);
        List<String> problems = new ArrayList<>();
        for (String id : t.ofType("AWS::CloudWatch::Alarm")) {
            JsonNode props = t.resource(id).path("Properties");
            // a plain alarm names its metric in Properties; a metric math alarm in each Metrics[].MetricStat.Metric
            List<JsonNode> metrics = new ArrayList<>(List.of(props));
            props.path("Metrics").forEach(m -> metrics.add(m.path("MetricStat").path("Metric")));
            for (JsonNode m : metrics) {
                if (!Emf.NAMESPACE.equals(m.path("Namespace").asText())) continue;
                String name = m.path("MetricName").asText();
                if (!names.contains(name)) problems.add(id + ": no stage emits " + name);
                Map<String, String> dims = new TreeMap<>();
                m.path("Dimensions").forEach(d -> dims.put(d.path("Name").asText(),
                        d.path("Value").isTextual() ? d.path("Value").asText() : d.path("Value").path("Ref").asText()));
                if (!dims.keySet().equals(Set.of(Emf.STACK, Emf.STAGE)) || !"AWS::StackName".equals(dims.get(Emf.STACK))
                        || !stages.contains(dims.get(Emf.STAGE))) {
                    problems.add(id + ": " + name + " with dimensions " + dims);
                }
            }
        }
        return problems;
    }

    @Test
    void theAlarmsOnOurOwnMetricsUseNamesAndDimensionsTheFunctionsEmit() {
        assertEquals(List.of(), ownMetricProblems(template));
    }

    @Test
    void anAlarmOnAMetricNoStageEmitsIsReported() {
        ObjectNode copy = template.root.deepCopy();
        ((ObjectNode) copy.path("Resources").path("EmailsFailedAlarm").path("Properties")).put("MetricName", "EmailFailed");
        ((ObjectNode) copy.path("Resources").path("FeedsAllFailingAlarm").path("Properties").path("Metrics").path(1)
                .path("MetricStat").path("Metric").path("Dimensions").path(1)).put("Value", "fetch-feed");
        assertEquals(2, ownMetricProblems(new SamTemplate(copy)).size(), ownMetricProblems(new SamTemplate(copy)).toString());
    }
}
