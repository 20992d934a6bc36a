package com.podcastinsights.template;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks template.yaml against the code it deploys: handler classes, event routing (with event-ruler, the
 * matcher behind EventBridge), schedules, environment variables, IAM for every SDK call, and the storage and
 * function settings the project requires. TemplateTestChecksCanFail proves each check can fail.
 */
class TemplateTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Bus-triggered functions and the sample in events/ each one must receive. */
    static final Map<String, String> BUS_SAMPLES = Map.of(
            "FetchFeedsFunction", "feed-batch-requested.json",
            "FetchTranscriptFunction", "episode-discovered.json",
            "ExtractInsightsFunction", "transcript-stored.json",
            "MailFeedbackFunction", "ses-bounce.json",
            "TranscriptionDoneFunction", "transcribe-job-state-change.json");

    /** Functions whose rule is on the default bus: SES and Transcribe publish their events only there. */
    static final Set<String> DEFAULT_BUS_FUNCTIONS = Set.of("MailFeedbackFunction", "TranscriptionDoneFunction");

    /** Scheduled functions and the sample whose envelope their schedule's Input must reproduce. */
    static final Map<String, String> SCHEDULE_SAMPLES = Map.of(
            "FetchFeedsFunction", "fetch-feeds-schedule.json",
            "SendDigestFunction", "send-digest-schedule.json");

    /** Functions invoked over HTTPS through a Lambda Function URL rather than by an event. */
    static final Set<String> URL_FUNCTIONS = Set.of("UnsubscribeFunction");

    /** Functions an SQS event source mapping invokes (at most DigestSenders at once: no reserved concurrency). */
    static final Set<String> QUEUE_FUNCTIONS = Set.of("DigestSenderFunction");

    /** The queue actions an event source mapping needs from its function's role, on that queue only. */
    static final Set<String> MAPPING_ACTIONS = Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");

    /** Functions whose role is narrower than their queue adapter: the planner only enqueues (the mapping consumes). */
    static final Map<String, Set<String>> QUEUE_ACTIONS_USED = Map.of("SendDigestFunction", Set.of("sqs:SendMessage"));

    /** Events that no rule of ours may route: published for other workloads, or from someone else. */
    static final List<String> UNROUTED = List.of("template/insights-extracted.json",
            "template/foreign-episode-discovered.json", "template/foreign-ses-bounce.json");

    /** The stack name the samples in events/ were made for (ses-bounce.json's configuration set is its). */
    static final String SAMPLE_STACK = "podcast-insights";

    /**
     * Functions whose role is narrower than their adapter's every call, with the table actions they make: the
     * public reader web (Unsubscribe URL) reads and writes items by key and queries (ReaderWebMotoTest drives it).
     */
    static final Map<String, Set<String>> TABLE_ACTIONS_USED = Map.of(
            "UnsubscribeFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem", "dynamodb:Query"),
            // the digest planner reads readers and insights and fixes the Edition (DigestFanOutTest.planningOnly...)
            "SendDigestFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"));
    /**
     * The table partitions the public reader web may write (SENDZONES: a confirmed reader's time zone is listed
     * for the digest planner), and those it may only read.
     */
    static final Set<String> READER_WEB_WRITES = Set.of("SUBSCRIBER#*", "FEEDBACK#*", "RATE#*", "SENDZONES"),
            READER_WEB_READS = Set.of("EDITION#*", "EPISODE#*");

    /** Reserved concurrency per function: at most this much, and SendDigest exactly 1 (its pacing is per environment). */
    static final Map<String, Integer> MAX_RESERVED = Map.of("FetchFeedsFunction", 20, "FetchTranscriptFunction", 20,
            "ExtractInsightsFunction", 10, "SendDigestFunction", 1, "UnsubscribeFunction", 10,
            "MailFeedbackFunction", 5, "TranscriptionDoneFunction", 10);

    static Path root;
    static SamTemplate template;
    static Map<String, String> samples;

    @BeforeAll
    static void load() throws IOException {
        root = SamTemplate.projectRoot();
        template = new SamTemplate(CfnYaml.read(root.resolve("template.yaml")));
        samples = new TreeMap<>();
        try (Stream<Path> files = Files.list(root.resolve("events"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                samples.put(p.getFileName().toString(), Files.readString(p));
            }
        }
    }

    static Stream<String> functions() throws IOException {
        load();
        return template.functions().stream();
    }

    static String resourceText(String name) throws IOException {
        try (InputStream in = TemplateTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void templateHasTheFourFunctionsAndEachIsTriggered() {
        Set<String> expected = new TreeSet<>(BUS_SAMPLES.keySet());
        expected.addAll(SCHEDULE_SAMPLES.keySet());
        expected.addAll(URL_FUNCTIONS);
        expected.addAll(QUEUE_FUNCTIONS);
        assertEquals(expected, new TreeSet<>(template.functions()));
        for (String fn : URL_FUNCTIONS) {
            assertEquals("NONE", template.resource(fn).path("Properties").path("FunctionUrlConfig").path("AuthType").asText(),
                    fn + ": a one-click unsubscribe POST comes from a mail provider, with no AWS credentials");
        }
    }

    @Test
    void shortFormIntrinsicsAreReadInLongForm() {
        JsonNode rule = template.events("FetchTranscriptFunction", "EventBridgeRule").values().iterator().next();
        assertEquals("{\"Ref\":\"EventBus\"}", rule.path("EventBusName").toString());
        assertEquals("[\"Table\",\"Arn\"]",
                template.policyStatements("FetchFeedsFunction").get(0).path("Resource").get(0).path("Fn::GetAtt").toString());
    }

    // ------------------------------------------------------------------ (a) handlers

    /** Fails until the handler classes are merged: they are written on other branches. */
    @ParameterizedTest
    @MethodSource("functions")
    void handlerClassExistsAndIsAStreamHandler(String fn) throws Exception {
        String name = template.handlerClass(fn);
        Class<?> c;
        try {
            c = Class.forName(name, false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            fail(fn + ": handler class " + name + " is not on the classpath");
            return;
        }
        assertTrue(RequestStreamHandler.class.isAssignableFrom(c), name + " is not a RequestStreamHandler");
        c.getMethod(template.handlerMethod(fn), InputStream.class, OutputStream.class, Context.class);
    }

    /** The handler must be built into this function's jar: its source lives in the CodeUri module. */
    @ParameterizedTest
    @MethodSource("functions")
    void handlerSourceIsInTheFunctionsModule(String fn) {
        Path source = root.resolve(template.codeUri(fn)).resolve("src/main/java")
                .resolve(template.handlerClass(fn).replace('.', '/') + ".java");
        assertTrue(Files.isRegularFile(source), fn + ": no " + root.relativize(source));
    }

    // ------------------------------------------------------------------ (b) routing and schedules

    @Test
    void busTriggeredFunctionsReceiveTheirSampleAndNoOther() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> routed = new TreeMap<>();
        for (String fn : template.functions()) {
            Map<String, JsonNode> rules = template.events(fn, "EventBridgeRule");
            if (rules.isEmpty()) continue;
            String sample = BUS_SAMPLES.get(fn);
            if (sample == null) {
                problems.add(fn + ": has EventBridgeRule events but no sample in TemplateTest.BUS_SAMPLES");
                continue;
            }
            for (var rule : rules.entrySet()) {
                String owner = fn + "." + rule.getKey();
                JsonNode props = rule.getValue();
                if (DEFAULT_BUS_FUNCTIONS.contains(fn)) {
                    if (!props.path("EventBusName").isMissingNode()) problems.add(owner + ": AWS service events are on the default bus only");
                } else if (!"{\"Ref\":\"EventBus\"}".equals(props.path("EventBusName").toString())) {
                    problems.add(owner + ": EventBusName is not !Ref EventBus");
                }
                if (!props.path("Pattern").isObject()) {
                    problems.add(owner + ": no inline Pattern (the local runner routes on it)");
                    continue;
                }
                String pattern = JSON.writeValueAsString(resolved(props.path("Pattern")));
                Map<String, String> others = new TreeMap<>(samples);
                others.remove(sample);
                for (String extra : UNROUTED) others.put(extra, resourceText(extra));
                problems.addAll(TemplateChecks.patternProblems(owner, pattern, sample, samples.get(sample), others));
                if (!props.has("RetryPolicy") || !props.has("DeadLetterConfig")) {
                    problems.add(owner + ": rule target without RetryPolicy and DeadLetterConfig");
                }
                for (var s : samples.entrySet()) {
                    if (TemplateChecks.matches(s.getValue(), pattern)) routed.merge(s.getKey(), 1, Integer::sum);
                }
            }
        }
        assertEquals(List.of(), problems);
        // each bus sample reaches exactly one rule
        Map<String, Integer> expected = new TreeMap<>();
        BUS_SAMPLES.values().forEach(s -> expected.put(s, 1));
        assertEquals(expected, routed);
    }

    /**
     * A pattern as deployed for {@link #SAMPLE_STACK}: a {@code Ref} to a resource named {@code ${AWS::StackName}-x}
     * becomes that name (the MailFeedback rule names the stack's configuration set).
     */
    static JsonNode resolved(JsonNode node) {
        if (node.isObject() && node.size() == 1 && node.has("Ref")) {
            JsonNode name = template.resource(node.path("Ref").asText()).path("Properties").path("Name");
            String sub = name.path("Fn::Sub").asText(null);
            if (sub == null) throw new IllegalStateException("cannot resolve " + node + " in a pattern");
            return JSON.getNodeFactory().textNode(sub.replace("${AWS::StackName}", SAMPLE_STACK));
        }
        if (node.isContainerNode()) {
            JsonNode copy = node.deepCopy();
            if (copy.isObject()) {
                var o = (com.fasterxml.jackson.databind.node.ObjectNode) copy;
                node.properties().forEach(e -> o.set(e.getKey(), resolved(e.getValue())));
            } else {
                var a = (com.fasterxml.jackson.databind.node.ArrayNode) copy;
                for (int i = 0; i < node.size(); i++) a.set(i, resolved(node.get(i)));
            }
            return copy;
        }
        return node;
    }

    @Test
    void scheduledFunctionsGetTheSampleEnvelopeWithTheScheduledTime() throws Exception {
        List<String> problems = new ArrayList<>();
        for (var e : SCHEDULE_SAMPLES.entrySet()) {
            String fn = e.getKey();
            Map<String, JsonNode> schedules = template.events(fn, "ScheduleV2");
            if (schedules.size() != 1) {
                problems.add(fn + ": expected exactly one ScheduleV2 event, found " + schedules.keySet());
                continue;
            }
            problems.addAll(TemplateChecks.scheduledFunctionRuleProblems(fn, template.events(fn, "EventBridgeRule"),
                    BUS_SAMPLES.get(fn), samples));
            JsonNode s = schedules.values().iterator().next();
            String input = SamTemplate.subTemplate(s.path("Input"));
            Matcher placeholders = Pattern.compile("<aws\\.scheduler\\.([a-z-]+)>").matcher(input);
            while (placeholders.find()) {
                if (!Set.of("schedule-arn", "scheduled-time", "execution-id", "attempt-number").contains(placeholders.group(1))) {
                    problems.add(fn + ": unknown Scheduler context attribute " + placeholders.group());
                }
            }
            JsonNode parsed = JSON.readTree(input.replace("${AWS::AccountId}", "123456789012")
                    .replace("${AWS::Region}", "us-east-1"));
            JsonNode sample = JSON.readTree(samples.get(e.getValue()));
            sample.fieldNames().forEachRemaining(k -> {
                if (!parsed.has(k)) problems.add(fn + ": schedule Input lacks \"" + k + "\" of " + e.getValue());
            });
            for (String k : List.of("source", "detail-type", "detail", "version")) {
                if (!sample.path(k).equals(parsed.path(k))) {
                    problems.add(fn + ": Input " + k + " is " + parsed.path(k) + ", sample has " + sample.path(k));
                }
            }
            if (!"<aws.scheduler.scheduled-time>".equals(parsed.path("time").asText())) {
                problems.add(fn + ": Input time must be <aws.scheduler.scheduled-time> so a retry keeps its day");
            }
            JsonNode retry = s.path("RetryPolicy");
            if (!retry.has("MaximumRetryAttempts") || !retry.has("MaximumEventAgeInSeconds")) {
                problems.add(fn + ": ScheduleV2 RetryPolicy incomplete: " + retry);
            }
            String dlq = s.path("DeadLetterConfig").path("Arn").path("Fn::GetAtt").path(0).asText();
            if (!"AWS::SQS::Queue".equals(template.resource(dlq).path("Type").asText())) {
                problems.add(fn + ": ScheduleV2 DeadLetterConfig is not the Arn of an SQS queue of the template");
            }
            if (!s.path("ScheduleExpression").has("Ref")) {
                problems.add(fn + ": ScheduleExpression should come from a parameter");
            }
            if (!SamTemplate.subTemplate(s.path("Name")).contains("${AWS::StackName}")) {
                problems.add(fn + ": schedule Name must include the stack name (names are unique per account)");
            }
        }
        JsonNode digest = template.events("SendDigestFunction", "ScheduleV2").values().iterator().next();
        assertEquals("{\"Ref\":\"DigestTimeZone\"}", digest.path("ScheduleExpressionTimezone").toString());
        assertEquals("{\"Ref\":\"FetchScheduleExpression\"}", template.events("FetchFeedsFunction", "ScheduleV2")
                .values().iterator().next().path("ScheduleExpression").toString());
        assertEquals("{\"Ref\":\"DigestScheduleExpression\"}", digest.path("ScheduleExpression").toString());
        assertEquals(List.of(), problems);
    }

    @Test
    void parameterDefaults() {
        JsonNode p = template.root.path("Parameters");
        assertEquals("rate(1 hour)", p.path("FetchScheduleExpression").path("Default").asText());
        assertEquals("cron(0 * * * ? *)", p.path("DigestScheduleExpression").path("Default").asText(),
                "hourly: each run mails the subscribers whose local send hour it is");
        assertEquals("UTC", p.path("DigestTimeZone").path("Default").asText());
        assertEquals(1, p.path("SesMaxSendRate").path("Default").asInt(-1), "the SES sandbox rate");
        assertTrue(p.path("SenderAddress").isObject());
        assertTrue(p.path("LogRetentionDays").path("Default").asInt() > 0);
    }

    // ------------------------------------------------------------------ (c) environment

    @ParameterizedTest
    @MethodSource("functions")
    void everyEnvironmentVariableTheCodeReadsIsDefined(String fn) {
        // the function's module, and the stage configurations it reads (core's stage/*Stage.Config.from)
        String module = TemplateChecks.javaSources(root.resolve(template.codeUri(fn)).resolve("src/main/java"));
        Set<String> read = new TreeSet<>(TemplateChecks.envVarsRead(module));
        Matcher stages = Pattern.compile("\\b(\\w+Stage)\\.Config\\.from\\b").matcher(module);
        while (stages.find()) {
            Path stage = root.resolve("core/src/main/java/com/podcastinsights/stage/" + stages.group(1) + ".java");
            read.addAll(TemplateChecks.envVarsRead(readString(stage)));
        }
        // fails until the handlers are merged: every handler reads its configuration through Env
        assertFalse(read.isEmpty(), fn + ": no Env.require/optional found in " + template.codeUri(fn));
        assertEquals(List.of(), TemplateChecks.envProblems(fn, read, template.environment(fn)));
    }

    @Test
    void environmentVariablesPointAtTheRightResources() {
        Map<String, String> refs = Map.of("TABLE_NAME", "Table", "BUCKET_NAME", "Bucket",
                "EVENT_BUS_NAME", "EventBus", "SENDER_ADDRESS", "SenderAddress",
                "DIGEST_TIME_ZONE", "DigestTimeZone", "CONFIGURATION_SET", "MailConfigurationSet",
                "STACK_NAME", "AWS::StackName");
        for (String fn : template.functions()) {
            template.environment(fn).forEach((name, value) -> {
                String expected = refs.get(name);
                if (expected != null) assertEquals(expected, value.path("Ref").asText(), fn + "." + name);
            });
        }
    }

    @Test
    void onlyHandlersReadTheEnvironment() {
        List<String> problems = new ArrayList<>();
        for (String module : List.of("core", "adapters-aws", "adapters-local")) {
            TemplateChecks.javaFiles(root.resolve(module + "/src/main/java")).forEach((path, src) -> {
                String name = path.getFileName().toString();
                if (name.equals("Env.java") || name.equals("AwsClients.java")) return; // Env itself; Lambda's AWS_* vars
                if (path.getParent().endsWith("stage")) return; // the stages' configuration, read from the Env handed in
                Set<String> read = TemplateChecks.envVarsRead(src);
                if (!read.isEmpty()) problems.add(root.relativize(path) + " reads " + read);
            });
        }
        assertEquals(List.of(), problems, "core and adapter code must take configuration from the handler, not the environment");
    }

    // ------------------------------------------------------------------ (d) IAM for every SDK call

    @ParameterizedTest
    @MethodSource("functions")
    void policiesAllowEverySdkCallAndNothingElse(String fn) throws IOException {
        String module = TemplateChecks.javaSources(root.resolve(template.codeUri(fn)).resolve("src/main/java"));
        Set<String> adapters = TemplateChecks.adaptersConstructed(module);
        // fails until the handlers are merged (or if they get their adapters somewhere this scan does not see)
        assertFalse(adapters.isEmpty(), fn + ": constructs none of " + TemplateChecks.ADAPTERS
                + " in " + template.codeUri(fn) + "; if construction moved, teach TemplateChecks where");
        Set<String> needed = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (String adapter : adapters) {
            Path src = root.resolve("adapters-aws/src/main/java/com/podcastinsights/aws/" + adapter + ".java");
            TemplateChecks.SdkUse use = TemplateChecks.sdkUse(adapter, Files.readString(src));
            problems.addAll(use.unmapped());
            // fails while the adapters are stubs
            if (use.calls().isEmpty()) problems.add(adapter + " makes no SDK call (still a stub?)");
            needed.addAll(use.actions());
        }
        Set<String> used = TABLE_ACTIONS_USED.get(fn);
        if (used != null) needed.removeIf(a -> a.startsWith("dynamodb:") && !used.contains(a));
        Set<String> queueUsed = QUEUE_ACTIONS_USED.get(fn);
        if (queueUsed != null) needed.removeIf(a -> a.startsWith("sqs:") && !queueUsed.contains(a));
        List<JsonNode> statements = template.policyStatements(fn);
        problems.addAll(TemplateChecks.missingActions(fn, needed, statements));

        // least privilege: nothing beyond the SDK calls, except sending failed invocations to the destination
        Set<String> extra = new TreeSet<>(TemplateChecks.allowedActions(statements));
        extra.removeAll(needed);
        extra.remove("sqs:SendMessage");
        String source = TemplateChecks.sourceQueue(template, fn);
        if (source != null) {
            for (String a : MAPPING_ACTIONS) {
                List<JsonNode> grants = TemplateChecks.grantsOf(statements, a);
                if (grants.isEmpty()) problems.add(fn + ": its event source mapping needs " + a);
                grants.stream().filter(g -> !g.path("Resource").toString().equals("{\"Fn::GetAtt\":[\"" + source + "\",\"Arn\"]}"))
                        .forEach(g -> problems.add(fn + ": " + a + " granted on " + g.path("Resource") + ", not only on " + source));
            }
            extra.removeAll(MAPPING_ACTIONS);
        }
        if (!extra.isEmpty()) problems.add(fn + ": grants " + extra + " which none of its SDK calls needs");

        // and on the right resources
        Map<String, String> resourceFor = new LinkedHashMap<>();
        resourceFor.put("dynamodb:", "Table");
        resourceFor.put("s3:", "Bucket");
        resourceFor.put("events:", "EventBus");
        resourceFor.put("ses:", ":identity/");
        resourceFor.put("transcribe:", ":transcription-job/podcast-insights-${AWS::StackName}-");
        for (String action : needed) {
            for (JsonNode s : TemplateChecks.grantsOf(statements, action)) {
                resourceFor.forEach((prefix, marker) -> {
                    if (action.startsWith(prefix) && !s.path("Resource").toString().contains(marker)) {
                        problems.add(fn + ": " + action + " granted on " + s.path("Resource") + ", not on " + marker);
                    }
                });
            }
        }
        if (needed.contains("dynamodb:Query") && TemplateChecks.grantsOf(statements, "dynamodb:Query").stream()
                .noneMatch(s -> s.path("Resource").toString().contains("/index/GSI1"))) {
            problems.add(fn + ": dynamodb:Query is not granted on the index GSI1 (the repositories query it)");
        }
        String queue = failureQueue(fn);
        if (source == null && TemplateChecks.grantsOf(statements, "sqs:SendMessage").stream()
                .noneMatch(s -> s.path("Resource").toString().contains("\"" + queue + "\""))) {
            problems.add(fn + ": cannot send to its OnFailure destination " + queue);
        }
        assertEquals(List.of(), problems);
    }

    static String failureQueue(String fn) {
        for (String id : template.ofType("AWS::Lambda::EventInvokeConfig")) {
            JsonNode p = template.resource(id).path("Properties");
            if (fn.equals(p.path("FunctionName").path("Ref").asText())) {
                return p.path("DestinationConfig").path("OnFailure").path("Destination").path("Fn::GetAtt").path(0).asText();
            }
        }
        return "(none)";
    }

    // ------------------------------------------------------------------ (e) wildcards

    @Test
    void noAllowStatementHasAWildcardAction() {
        assertEquals(List.of(), TemplateChecks.wildcardAllows(template.root));
    }

    @Test
    void everyFunctionPolicyIsWrittenOutInTheTemplate() {
        assertEquals(List.of(), TemplateChecks.opaquePolicies(template));
    }

    // ------------------------------------------------------------------ (f) storage and function settings

    @Test
    void tableIsOnDemandWithPitrStreamEncryptionAndTtl() {
        List<String> tables = template.ofType("AWS::DynamoDB::Table");
        assertEquals(List.of("Table"), tables);
        assertEquals(List.of(), TemplateChecks.tableProblems("Table", template.resource("Table")));
    }

    @Test
    void bucketIsPrivateEncryptedTlsOnlyAndExpiresRawFeeds() {
        assertEquals(List.of("Bucket"), template.ofType("AWS::S3::Bucket"));
        assertEquals(List.of(), TemplateChecks.bucketProblems(template, "Bucket"));
    }

    @ParameterizedTest
    @MethodSource("functions")
    void functionSettings(String fn) {
        assertEquals(List.of(), TemplateChecks.functionSettingsProblems(template, fn, root));
    }

    @ParameterizedTest
    @MethodSource("functions")
    void failedAsyncInvocationsLandInAQueue(String fn) {
        assertEquals(List.of(), TemplateChecks.asyncFailureProblems(template, fn));
    }

    @Test
    void everyFunctionReservesTheConcurrencyOfItsJobUnlessTheOperatorSaysNo() {
        List<String> problems = new ArrayList<>();
        int total = 0;
        for (String fn : template.functions()) {
            JsonNode r = template.resource(fn).path("Properties").path("ReservedConcurrentExecutions").path("Fn::If");
            Integer max = MAX_RESERVED.get(fn);
            if (QUEUE_FUNCTIONS.contains(fn)) {
                // the mapping's MaximumConcurrency (DigestSenders) caps it; a reserve below it would throttle the mapping
                if (!r.isMissingNode()) problems.add(fn + ": a queue consumer reserves concurrency " + r);
                continue;
            }
            if (max == null) {
                problems.add(fn + ": no entry in TemplateTest.MAX_RESERVED");
                continue;
            }
            if (!r.isArray() || !"ReserveOn".equals(r.path(0).asText()) || !r.path(1).isInt()
                    || !"AWS::NoValue".equals(r.path(2).path("Ref").asText())) {
                problems.add(fn + ": ReservedConcurrentExecutions is not !If [ReserveOn, N, !Ref AWS::NoValue]: " + r);
                continue;
            }
            int n = r.path(1).asInt();
            if (n < 1 || n > max || (fn.equals("SendDigestFunction") && n != 1)) problems.add(fn + ": reserves " + n);
            total += n;
        }
        assertEquals(List.of(), problems);
        // the parameter's description quotes the total (the account quota it needs is 100 more)
        assertTrue(template.root.path("Parameters").path("ReserveConcurrency").path("Description").asText()
                .contains("(" + total + " in all)"), "ReserveConcurrency's description must say " + total);
    }

    @Test
    void thePublicReaderWebRoleWritesOnlyReaderPartitionsAndReadsOnlyTheArchive() {
        List<JsonNode> table = template.policyStatements("UnsubscribeFunction").stream()
                .filter(s -> s.path("Action").toString().contains("dynamodb:")).toList();
        assertFalse(table.isEmpty());
        for (JsonNode s : table) {
            Set<String> actions = new TreeSet<>(SamTemplate.strings(s.path("Action")));
            if (s.path("Resource").toString().contains("/index/")) {
                assertEquals(Set.of("dynamodb:Query"), actions, "an index is only queried: " + s);
                continue;
            }
            Set<String> keys = new TreeSet<>(SamTemplate.strings(s.path("Condition").path("ForAllValues:StringLike")
                    .path("dynamodb:LeadingKeys")));
            assertFalse(keys.isEmpty(), "every table grant is limited by partition: " + s);
            boolean writes = actions.stream().anyMatch(a -> !a.equals("dynamodb:GetItem") && !a.equals("dynamodb:Query"));
            Set<String> allowed = new TreeSet<>(READER_WEB_WRITES);
            if (!writes) allowed.addAll(READER_WEB_READS);
            assertTrue(allowed.containsAll(keys), s.toString());
            if (writes) assertFalse(actions.contains("dynamodb:Query") || actions.contains("dynamodb:Scan"), s.toString());
        }
    }

    // ------------------------------------------------------------------ (g) alarms

    @ParameterizedTest
    @MethodSource("functions")
    void eachFunctionsErrorsAreAlarmedOn(String fn) {
        assertEquals(List.of(), TemplateChecks.functionAlarmProblems(template, fn));
    }

    @Test
    void everyQueueIsEncryptedAndItsDepthAlarmedOn() {
        List<String> queues = template.ofType("AWS::SQS::Queue");
        assertFalse(queues.isEmpty());
        List<String> problems = new ArrayList<>();
        queues.forEach(q -> problems.addAll(TemplateChecks.queueProblems(template, q)));
        assertEquals(List.of(), problems);
    }

    @Test
    void sesBounceAndComplaintRatesAreAlarmedOnAndEveryAlarmNotifiesTheTopic() {
        assertEquals(List.of(), TemplateChecks.sesAlarmProblems(template));
        assertEquals(List.of(), TemplateChecks.alarmActionProblems(template));
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
