package com.podcastinsights.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each check of TemplateTest, given a broken input, reports it. Without these, a check that silently passes
 * everything (a typo in a path, a regex that never matches) would look like a green test.
 */
class TemplateTestChecksCanFail {
    static Path root;
    static SamTemplate template;
    static Map<String, String> samples;

    @BeforeAll
    static void load() throws IOException {
        TemplateTest.load();
        root = TemplateTest.root;
        template = TemplateTest.template;
        samples = TemplateTest.samples;
    }

    static SamTemplate mutated(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode copy = template.root.deepCopy();
        change.accept(copy);
        return new SamTemplate(copy);
    }

    static ObjectNode props(ObjectNode root, String id) {
        return (ObjectNode) root.path("Resources").path(id).path("Properties");
    }

    // ------------------------------------------------------------------ (b)

    @Test
    void aPatternThatMatchesEverySampleIsReported() {
        Map<String, String> others = new TreeMap<>(samples);
        String own = others.remove("episode-discovered.json");
        List<String> problems = TemplateChecks.patternProblems("Test", "{\"detail-type\":[{\"exists\":true}]}",
                "episode-discovered.json", own, others);
        // every EventBridge sample; the SQS one (digest-batch.json) has no detail-type for any rule to match
        long busSamples = others.values().stream().filter(v -> v.contains("\"detail-type\"")).count();
        assertEquals(others.size() - 1, busSamples, "one SQS sample among the others");
        assertEquals(busSamples, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.contains("also matches")), problems.toString());
    }

    @Test
    void aPatternThatMissesItsOwnSampleIsReported() {
        Map<String, String> others = new TreeMap<>(samples);
        String own = others.remove("episode-discovered.json");
        List<String> problems = TemplateChecks.patternProblems("Test",
                "{\"source\":[\"podcast-insights\"],\"detail-type\":[\"Transcript Stored\"]}",
                "episode-discovered.json", own, others);
        assertEquals(2, problems.size(), problems.toString()); // misses its own, matches transcript-stored.json
    }

    @Test
    void aPatternThatDoesNotCompileIsReported() {
        List<String> problems = TemplateChecks.patternProblems("Test", "{\"source\":\"podcast-insights\"}",
                null, null, Map.of());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("does not compile"));
    }

    @Test
    void theTemplatesOwnPatternsDifferOnlyInDetailType() throws Exception {
        // guards the positive test: with the detail-type removed, a pattern matches every app event
        JsonNode rule = template.events("FetchTranscriptFunction", "EventBridgeRule").values().iterator().next();
        ObjectNode pattern = rule.path("Pattern").deepCopy();
        pattern.remove("detail-type");
        Map<String, String> others = new TreeMap<>(samples);
        String own = others.remove("episode-discovered.json");
        assertFalse(TemplateChecks.patternProblems("Test", TemplateTest.JSON.writeValueAsString(pattern),
                "episode-discovered.json", own, others).isEmpty());
    }

    @Test
    void aScheduledFunctionWithARuleButNoBatchSampleIsReported() {
        SamTemplate t = mutated(r -> ((ObjectNode) props(r, "SendDigestFunction").path("Events")).set("Batch",
                r.path("Resources").path("FetchFeedsFunction").path("Properties").path("Events").path("FeedBatchRequested")));
        List<String> problems = TemplateChecks.scheduledFunctionRuleProblems("SendDigestFunction",
                t.events("SendDigestFunction", "EventBridgeRule"), TemplateTest.BUS_SAMPLES.get("SendDigestFunction"), samples);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("no batch sample"), problems.toString());
    }

    @Test
    void aScheduledFunctionsRuleThatMissesItsBatchSampleIsReported() {
        SamTemplate t = mutated(r -> ((ObjectNode) props(r, "FetchFeedsFunction").path("Events")
                .path("FeedBatchRequested").path("Properties").path("Pattern")).putArray("detail-type").add("Episode Discovered"));
        List<String> problems = TemplateChecks.scheduledFunctionRuleProblems("FetchFeedsFunction",
                t.events("FetchFeedsFunction", "EventBridgeRule"), "feed-batch-requested.json", samples);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("must match its own batch sample"), problems.toString());
        // the unmutated template passes the same check
        assertEquals(List.of(), TemplateChecks.scheduledFunctionRuleProblems("FetchFeedsFunction",
                template.events("FetchFeedsFunction", "EventBridgeRule"), "feed-batch-requested.json", samples));
    }

    // ------------------------------------------------------------------ (e)

    @Test
    void aWildcardActionInAFunctionPolicyIsReported() {
        SamTemplate t = mutated(r -> {
            ArrayNode statements = (ArrayNode) props(r, "FetchFeedsFunction").path("Policies").path(0).path("Statement");
            ((ObjectNode) statements.get(0)).putArray("Action").add("dynamodb:*");
            ((ObjectNode) statements.get(1)).put("Action", "s3:Get*");
        });
        List<String> problems = TemplateChecks.wildcardAllows(t.root);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("dynamodb:*"));
    }

    @Test
    void notActionIsReportedAndTheTlsDenyIsNot() {
        SamTemplate t = mutated(r -> {
            ObjectNode s = (ObjectNode) props(r, "SendDigestFunction").path("Policies").path(0).path("Statement").path(0);
            s.set("NotAction", s.remove("Action"));
        });
        List<String> problems = TemplateChecks.wildcardAllows(t.root);
        assertEquals(1, problems.size(), problems.toString());
        // the template itself has a Deny on s3:* (TLS only): Deny statements are not reported
        assertTrue(template.root.path("Resources").path("BucketPolicy").toString().contains("s3:*"));
        assertEquals(List.of(), TemplateChecks.wildcardAllows(template.root));
    }

    @Test
    void managedPoliciesAndPolicyTemplatesAreReported() {
        SamTemplate t = mutated(r -> {
            ArrayNode policies = (ArrayNode) props(r, "FetchFeedsFunction").path("Policies");
            policies.add("AmazonS3FullAccess");
            policies.addObject().putObject("SQSSendMessagePolicy").put("QueueName", "q");
            props(r, "SendDigestFunction").putObject("EventInvokeConfig").putObject("DestinationConfig")
                    .putObject("OnFailure").put("Type", "SQS");
        });
        assertEquals(3, TemplateChecks.opaquePolicies(t).size(), TemplateChecks.opaquePolicies(t).toString());
    }

    // ------------------------------------------------------------------ (c)

    @Test
    void anUndefinedVariableIsReportedAndCommentsDoNotCount() {
        String source = """
                /** Reads {@code Env.require("ONLY_IN_A_COMMENT")}. */
                class H {
                    // env.require("ALSO_IN_A_COMMENT")
                    H(Env env) {
                        String t = env.require("TABLE_NAME");
                        String z = env.optional("DIGEST_TIME_ZONE", "UTC");
                        String n = Env.system().require( "NOT_IN_THE_TEMPLATE" );
                        String r = System.getenv("AWS_REGION");
                        String u = "https://example.com/x"; Objects.requireNonNull(t);
                    }
                }
                """;
        Set<String> read = TemplateChecks.envVarsRead(source);
        assertEquals(Set.of("TABLE_NAME", "DIGEST_TIME_ZONE", "NOT_IN_THE_TEMPLATE", "AWS_REGION"), read);
        List<String> problems = TemplateChecks.envProblems("ExtractInsightsFunction", read,
                template.environment("ExtractInsightsFunction"));
        // NOT_IN_THE_TEMPLATE is missing; BUCKET_NAME, EVENT_BUS_NAME, the five REWRITE_* settings and STACK_NAME
        // are defined but this source never reads them
        assertEquals(9, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("NOT_IN_THE_TEMPLATE"));
    }

    @Test
    void aMissingEnvironmentVariableInTheTemplateIsReported() {
        SamTemplate t = mutated(r -> ((ObjectNode) props(r, "DigestSenderFunction").path("Environment")
                .path("Variables")).remove("SENDER_ADDRESS"));
        List<String> problems = TemplateChecks.envProblems("DigestSenderFunction",
                Set.of("TABLE_NAME", "SENDER_ADDRESS", "SENDER_NAME", "POSTAL_ADDRESS", "DIGEST_TIME_ZONE",
                        "CONFIGURATION_SET", "UNSUBSCRIBE_URL", "UNSUBSCRIBE_SECRET_ARN", "SES_MAX_SEND_RATE",
                        "DEFAULT_SEND_HOUR", "STACK_NAME", "DIGEST_SENDERS"),
                t.environment("DigestSenderFunction"));
        assertEquals(List.of("DigestSenderFunction: code reads SENDER_ADDRESS but template.yaml does not define it "
                + "for the function"), problems);
    }

    // ------------------------------------------------------------------ (d)

    static final String ADAPTER = """
            final class DynamoDbTable implements Table {
                private final DynamoDbClient dynamo;
                private final String table;
                DynamoDbTable(software.amazon.awssdk.services.dynamodb.DynamoDbClient client, String table) {
                    this.dynamo = client; this.table = table;
                }
                public void put(Item item) { dynamo.putItem(PutItemRequest.builder().tableName(table).build()); }
                public List<Item> queryIndex(String pk) {
                    return this.dynamo.queryPaginator(b -> b.indexName("GSI1")).items().stream().toList();
                }
                public void restore() { dynamo.restoreTableFromBackup(r -> r.backupArn("x")); }
                public void close() { dynamo.close(); }
            }
            """;

    @Test
    void sdkCallsMapToActionsAndUnknownCallsAreReported() {
        TemplateChecks.SdkUse use = TemplateChecks.sdkUse("DynamoDbTable", ADAPTER);
        assertEquals(Set.of("dynamodb:PutItem", "dynamodb:Query"), use.actions());
        assertEquals(1, use.unmapped().size(), use.unmapped().toString());
        assertTrue(use.unmapped().get(0).contains("restoreTableFromBackup"));
    }

    @Test
    void adapterConstructionIsFound() {
        String handler = """
                var table = new DynamoDbTable(AwsClients.dynamoDb(r, null, c), env.require("TABLE_NAME"));
                var bus = new com.podcastinsights.aws.EventBridgePublisher(eb, env.require("EVENT_BUS_NAME"));
                // new SesMailer(ses, null) is not constructed: this is a comment
                """;
        assertEquals(Set.of("DynamoDbTable", "EventBridgePublisher"), TemplateChecks.adaptersConstructed(handler));
    }

    @Test
    void anActionMissingFromThePolicyIsReported() {
        SamTemplate t = mutated(r -> {
            ObjectNode s = (ObjectNode) props(r, "FetchFeedsFunction").path("Policies").path(0).path("Statement").path(0);
            s.putArray("Action").add("dynamodb:GetItem").add("dynamodb:PutItem");
        });
        Set<String> needed = TemplateChecks.sdkUse("DynamoDbTable", ADAPTER).actions();
        assertEquals(List.of(), TemplateChecks.missingActions("FetchFeedsFunction", needed,
                template.policyStatements("FetchFeedsFunction")));
        assertEquals(List.of("FetchFeedsFunction: needs dynamodb:Query but its policies do not allow it"),
                TemplateChecks.missingActions("FetchFeedsFunction", needed, t.policyStatements("FetchFeedsFunction")));
    }

    // ------------------------------------------------------------------ (f)

    @Test
    void tableSettingsAreChecked() {
        SamTemplate t = mutated(r -> {
            ObjectNode p = props(r, "Table");
            p.put("BillingMode", "PROVISIONED");
            p.remove("PointInTimeRecoverySpecification");
            p.putObject("StreamSpecification").put("StreamViewType", "KEYS_ONLY");
            ((ObjectNode) p.path("TimeToLiveSpecification")).put("AttributeName", "expiresAt");
        });
        assertEquals(4, TemplateChecks.tableProblems("Table", t.resource("Table")).size(),
                TemplateChecks.tableProblems("Table", t.resource("Table")).toString());
    }

    @Test
    void bucketSettingsAreChecked() {
        SamTemplate t = mutated(r -> {
            ObjectNode p = props(r, "Bucket");
            ((ObjectNode) p.path("PublicAccessBlockConfiguration")).put("RestrictPublicBuckets", false);
            p.remove("BucketEncryption");
            p.remove("LifecycleConfiguration");
            ((ObjectNode) props(r, "BucketPolicy").path("PolicyDocument").path("Statement").path(0))
                    .put("Effect", "Allow");
        });
        List<String> problems = TemplateChecks.bucketProblems(t, "Bucket");
        assertEquals(4, problems.size(), problems.toString());
    }

    @Test
    void functionSettingsAreChecked() {
        SamTemplate t = mutated(r -> {
            ObjectNode globals = (ObjectNode) r.path("Globals").path("Function");
            globals.remove("SnapStart");
            globals.putArray("Architectures").add("x86_64");
            ((ObjectNode) globals.path("LoggingConfig")).put("LogFormat", "Text");
            props(r, "SendDigestFunction").put("Runtime", "java17");
            props(r, "SendDigestFunction").remove("LoggingConfig");
        });
        List<String> fetch = TemplateChecks.functionSettingsProblems(t, "FetchFeedsFunction", root);
        assertEquals(3, fetch.size(), fetch.toString());
        List<String> digest = TemplateChecks.functionSettingsProblems(t, "SendDigestFunction", root);
        assertEquals(5, digest.size(), digest.toString()); // + runtime, + log group gone with LoggingConfig
    }

    @Test
    void aFunctionWithoutAFailureDestinationIsReported() {
        SamTemplate t = mutated(r -> ((ObjectNode) r.path("Resources")).remove("SendDigestInvokeConfig"));
        assertEquals(1, TemplateChecks.asyncFailureProblems(t, "SendDigestFunction").size());
        SamTemplate shortRetention = mutated(r -> props(r, "FailedInvocationsQueue").put("MessageRetentionPeriod", 60));
        assertEquals(1, TemplateChecks.asyncFailureProblems(shortRetention, "ExtractInsightsFunction").size());
    }

    @Test
    void aMakefileWithoutTheBuildTargetIsReportedAndOneFromAnIncludeIsNot(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        java.nio.file.Files.writeString(dir.resolve("rule.mk"), "build-$(FUNCTION):\n\t@echo built\n");
        Path makefile = dir.resolve("Makefile");
        java.nio.file.Files.writeString(makefile, "FUNCTION := OtherFunction\ninclude rule.mk\n");
        assertFalse(TemplateChecks.makeKnowsTarget(makefile, "build-FetchFeedsFunction"));
        java.nio.file.Files.writeString(makefile, "FUNCTION := FetchFeedsFunction\ninclude rule.mk\n");
        assertTrue(TemplateChecks.makeKnowsTarget(makefile, "build-FetchFeedsFunction"));
    }

    // ------------------------------------------------------------------ (g)

    @Test
    void aFunctionWithoutAnErrorsAlarmIsReported() {
        SamTemplate t = mutated(r -> ((ObjectNode) r.path("Resources")).remove("SendDigestErrorsAlarm"));
        assertEquals(1, TemplateChecks.functionAlarmProblems(t, "SendDigestFunction").size());
        SamTemplate late = mutated(r -> props(r, "FetchFeedsErrorsAlarm").put("Threshold", 5));
        assertEquals(1, TemplateChecks.functionAlarmProblems(late, "FetchFeedsFunction").size());
        SamTemplate mute = mutated(r -> props(r, "FetchFeedsErrorsAlarm").remove("AlarmActions"));
        assertEquals(1, TemplateChecks.functionAlarmProblems(mute, "FetchFeedsFunction").size());
    }

    @Test
    void anUnencryptedOrUnwatchedQueueIsReported() {
        SamTemplate t = mutated(r -> {
            props(r, "FailedInvocationsQueue").remove("SqsManagedSseEnabled");
            ((ObjectNode) r.path("Resources")).remove("FailedInvocationsQueueDepthAlarm");
        });
        assertEquals(2, TemplateChecks.queueProblems(t, "FailedInvocationsQueue").size(),
                TemplateChecks.queueProblems(t, "FailedInvocationsQueue").toString());
        SamTemplate otherQueue = mutated(r -> ((ArrayNode) props(r, "UndeliveredEventsQueueDepthAlarm")
                .path("Dimensions")).removeAll());
        assertEquals(1, TemplateChecks.queueProblems(otherQueue, "UndeliveredEventsQueue").size());
    }

    @Test
    void missingSesAlarmsAndForeignAlarmActionsAreReported() {
        SamTemplate t = mutated(r -> {
            ((ObjectNode) r.path("Resources")).remove("SesComplaintRateAlarm");
            ((ArrayNode) props(r, "SesBounceRateAlarm").path("AlarmActions")).removeAll()
                    .addObject().put("Ref", "Table");
        });
        assertEquals(1, TemplateChecks.sesAlarmProblems(t).size(), TemplateChecks.sesAlarmProblems(t).toString());
        assertEquals(1, TemplateChecks.alarmActionProblems(t).size(), TemplateChecks.alarmActionProblems(t).toString());
    }
}
