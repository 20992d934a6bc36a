package com.podcastinsights.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Ruler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checks TemplateTest runs, as functions that return the problems they find (empty when all is well), so
 * that TemplateTestChecksCanFail can feed each one a broken input and prove it reports it.
 */
final class TemplateChecks {
    private TemplateChecks() {
    }

    // ------------------------------------------------------------------ (b) event patterns

    /**
     * Problems of one EventBridge pattern: it must compile, match {@code ownSample} (when given) and match none of
     * {@code otherSamples} (file name to event JSON).
     */
    static List<String> patternProblems(String owner, String patternJson, String ownSampleName, String ownSample,
                                        Map<String, String> otherSamples) {
        List<String> problems = new ArrayList<>();
        String error = JsonRuleCompiler.check(patternJson);
        if (error != null) {
            problems.add(owner + ": pattern does not compile: " + error + " in " + patternJson);
            return problems;
        }
        if (ownSample != null && !matches(ownSample, patternJson)) {
            problems.add(owner + ": pattern " + patternJson + " does not match its sample " + ownSampleName);
        }
        otherSamples.forEach((name, event) -> {
            if (matches(event, patternJson)) {
                problems.add(owner + ": pattern " + patternJson + " also matches " + name);
            }
        });
        return problems;
    }

    /**
     * A scheduled function takes no bus events, except the batches its own schedule fans out: it may have rules
     * only when it has a batch sample ({@code batchSample}, a file of {@code samples}) and every rule's pattern
     * matches that sample. (That the pattern matches no other sample, the schedule's included, is checked with
     * every bus-triggered function.)
     */
    static List<String> scheduledFunctionRuleProblems(String fn, Map<String, JsonNode> rules, String batchSample,
                                                      Map<String, String> samples) {
        List<String> problems = new ArrayList<>();
        if (rules.isEmpty()) return problems;
        if (batchSample == null || !samples.containsKey(batchSample)) {
            problems.add(fn + ": a scheduled function with bus rules " + rules.keySet()
                    + " but no batch sample of its own in events/");
            return problems;
        }
        for (var rule : rules.entrySet()) {
            JsonNode pattern = rule.getValue().path("Pattern");
            if (!pattern.isObject() || !matches(samples.get(batchSample), pattern.toString())) {
                problems.add(fn + "." + rule.getKey() + ": a scheduled function's rule must match its own batch sample "
                        + batchSample + ", pattern " + pattern);
            }
        }
        return problems;
    }

    static boolean matches(String eventJson, String patternJson) {
        try {
            return Ruler.matchesRule(eventJson, patternJson);
        } catch (Exception e) {
            throw new IllegalStateException("event-ruler failed on " + patternJson, e);
        }
    }

    // ------------------------------------------------------------------ (e) wildcards

    /**
     * Every Allow statement anywhere in {@code tree} whose Action has a wildcard, or that uses NotAction (which
     * grants everything else). Deny statements may use wildcards: denying s3:* without TLS is the point.
     */
    static List<String> wildcardAllows(JsonNode tree) {
        List<String> problems = new ArrayList<>();
        walk(tree, "", (path, node) -> {
            if (!node.isObject() || !node.has("Effect")) return;
            if (!"Allow".equals(node.path("Effect").asText())) return;
            if (node.has("NotAction")) problems.add(path + ": Allow with NotAction " + node.get("NotAction"));
            for (String action : SamTemplate.strings(node.path("Action"))) {
                if (action.contains("*") || action.contains("?")) {
                    problems.add(path + ": wildcard action " + action);
                }
            }
        });
        return problems;
    }

    /**
     * Function settings whose IAM the template does not show, so that neither this test nor a reviewer can check
     * it: managed policy names or ARNs, SAM policy templates (several grant wildcard actions, e.g.
     * SQSSendMessagePolicy grants sqs:SendMessage*), and SAM's EventInvokeConfig with a destination (SAM adds one
     * of those policy templates for it).
     */
    static List<String> opaquePolicies(SamTemplate t) {
        List<String> problems = new ArrayList<>();
        for (String fn : t.functions()) {
            for (JsonNode policy : t.resource(fn).path("Properties").path("Policies")) {
                if (policy.isTextual()) {
                    problems.add(fn + ": managed policy " + policy.asText() + " (write the statements inline)");
                } else if (policy.isObject() && !policy.has("Statement") && !SamTemplate.isConditionalPolicy(policy)) {
                    problems.add(fn + ": SAM policy template " + policy.fieldNames().next()
                            + " (its actions are not in the template; write the statements inline)");
                }
            }
            JsonNode dest = t.effectiveProperties(fn).path("EventInvokeConfig").path("DestinationConfig");
            if (!dest.isMissingNode()) {
                problems.add(fn + ": EventInvokeConfig.DestinationConfig makes SAM add a policy template; "
                        + "use an AWS::Lambda::EventInvokeConfig resource and an inline statement");
            }
        }
        return problems;
    }

    private interface Visitor {
        void visit(String path, JsonNode node);
    }

    private static void walk(JsonNode node, String path, Visitor v) {
        v.visit(path, node);
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                var e = it.next();
                walk(e.getValue(), path + "/" + e.getKey(), v);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(node.get(i), path + "/" + i, v);
        }
    }

    // ------------------------------------------------------------------ (c) environment

    private static final Pattern ENV_READ = Pattern.compile(
            "\\b(?:require|optional|wholeNumber|decimal|flag|zone)\\s*\\(\\s*\"([A-Z][A-Z0-9_]*)\"|System\\s*\\.\\s*getenv\\s*\\(\\s*\"([A-Z][A-Z0-9_]*)\"");

    /** Names read through {@code Env.require("X")}, {@code .optional("X", ...)}, Env's typed readers or {@code System.getenv("X")}. */
    static Set<String> envVarsRead(String javaSource) {
        Set<String> names = new TreeSet<>();
        Matcher m = ENV_READ.matcher(stripComments(javaSource));
        while (m.find()) names.add(m.group(1) != null ? m.group(1) : m.group(2));
        return names;
    }

    /** Variables Lambda itself sets; the template must not (and need not) define them. */
    static boolean providedByLambda(String name) {
        return name.startsWith("AWS_") || name.startsWith("LAMBDA_") || name.startsWith("_");
    }

    /** Variables the JVM reads itself (flags measured in docs/performance.md), not our code. */
    static boolean readByTheJvm(String name) {
        return name.equals("JAVA_TOOL_OPTIONS");
    }

    static List<String> envProblems(String fn, Set<String> read, Map<String, JsonNode> defined) {
        List<String> problems = new ArrayList<>();
        for (String name : read) {
            if (!providedByLambda(name) && !defined.containsKey(name)) {
                problems.add(fn + ": code reads " + name + " but template.yaml does not define it for the function");
            }
        }
        for (String name : defined.keySet()) {
            if (!read.contains(name) && !readByTheJvm(name)) {
                problems.add(fn + ": template.yaml defines " + name + " but the function's code never reads it");
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ (d) SDK calls and IAM

    /** The AWS adapters of com.podcastinsights.aws a function may construct. */
    static final List<String> ADAPTERS = List.of("S3BlobStore", "DynamoDbTable", "SesMailer", "EventBridgePublisher",
            "SecretsManagerKey", "BedrockLanguageModel", "S3AudioStore", "TranscribeSpeechToText", "SqsWorkQueue");

    private static final Pattern ADAPTER_NEW = Pattern.compile(
            "\\bnew\\s+(?:com\\.podcastinsights\\.aws\\.)?(" + String.join("|", ADAPTERS) + ")\\s*\\(");

    static Set<String> adaptersConstructed(String javaSource) {
        Set<String> out = new TreeSet<>();
        String code = stripComments(javaSource);
        Matcher m = ADAPTER_NEW.matcher(code);
        while (m.find()) out.add(m.group(1));
        // LambdaPorts builds the three common adapters: a function that asks it for one constructs it
        Matcher p = LAMBDA_PORT.matcher(code);
        while (p.find()) out.add(LAMBDA_PORTS.get(p.group(1)));
        return out;
    }

    /** What each {@code LambdaPorts} method builds (adapters-aws LambdaPorts). */
    static final Map<String, String> LAMBDA_PORTS = Map.of("table", "DynamoDbTable", "bucket", "S3BlobStore",
            "bus", "EventBridgePublisher");
    private static final Pattern LAMBDA_PORT = Pattern.compile(
            "\\b(?:aws|new LambdaPorts\\(\\))\\.(table|bucket|bus)\\s*\\(");

    /**
     * IAM actions of each SDK v2 client method an adapter may call. A call that is not in this table fails the
     * test: add it here with the actions the Service Authorization Reference lists for it.
     */
    static final Map<String, Map<String, List<String>>> SDK_ACTIONS = Map.of(
            "S3Client", Map.ofEntries(
                    Map.entry("putObject", List.of("s3:PutObject")),
                    Map.entry("getObject", List.of("s3:GetObject")),
                    Map.entry("getObjectAsBytes", List.of("s3:GetObject")),
                    Map.entry("headObject", List.of("s3:GetObject")),
                    Map.entry("listObjectsV2", List.of("s3:ListBucket")),
                    Map.entry("listObjectsV2Paginator", List.of("s3:ListBucket")),
                    Map.entry("listObjects", List.of("s3:ListBucket")),
                    Map.entry("deleteObject", List.of("s3:DeleteObject")),
                    Map.entry("deleteObjects", List.of("s3:DeleteObject")),
                    Map.entry("copyObject", List.of("s3:GetObject", "s3:PutObject")),
                    // multipart uploads are authorized as PutObject, except the abort (Service Authorization
                    // Reference, Amazon S3)
                    Map.entry("createMultipartUpload", List.of("s3:PutObject")),
                    Map.entry("uploadPart", List.of("s3:PutObject")),
                    Map.entry("completeMultipartUpload", List.of("s3:PutObject")),
                    Map.entry("abortMultipartUpload", List.of("s3:AbortMultipartUpload"))),
            "DynamoDbClient", Map.ofEntries(
                    Map.entry("getItem", List.of("dynamodb:GetItem")),
                    Map.entry("putItem", List.of("dynamodb:PutItem")),
                    Map.entry("updateItem", List.of("dynamodb:UpdateItem")),
                    Map.entry("deleteItem", List.of("dynamodb:DeleteItem")),
                    Map.entry("query", List.of("dynamodb:Query")),
                    Map.entry("queryPaginator", List.of("dynamodb:Query")),
                    Map.entry("scan", List.of("dynamodb:Scan")),
                    Map.entry("scanPaginator", List.of("dynamodb:Scan")),
                    Map.entry("batchGetItem", List.of("dynamodb:BatchGetItem")),
                    Map.entry("batchWriteItem", List.of("dynamodb:BatchWriteItem")),
                    Map.entry("transactGetItems", List.of("dynamodb:GetItem")),
                    // a transaction needs the action of each of its parts; statically we cannot tell which
                    Map.entry("transactWriteItems", List.of("dynamodb:PutItem", "dynamodb:UpdateItem",
                            "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem"))),
            "SesV2Client", Map.of(
                    "sendEmail", List.of("ses:SendEmail"),
                    "sendBulkEmail", List.of("ses:SendBulkEmail"),
                    "getAccount", List.of("ses:GetAccount")),
            // our SigV4 JSON client for EventBridge PutEvents
            "EventBridgeJsonClient", Map.of(
                    "putEvents", List.of("events:PutEvents")),
            "SqsClient", Map.of(
                    "sendMessageBatch", List.of("sqs:SendMessage"),
                    "sendMessage", List.of("sqs:SendMessage"),
                    "receiveMessage", List.of("sqs:ReceiveMessage"),
                    "deleteMessage", List.of("sqs:DeleteMessage")),
            "SecretsManagerClient", Map.of(
                    "getSecretValue", List.of("secretsmanager:GetSecretValue")),
            // our SigV4 JSON client for the two Transcribe operations we use
            "TranscribeJsonClient", Map.of(
                    "startTranscriptionJob", List.of("transcribe:StartTranscriptionJob"),
                    "getTranscriptionJob", List.of("transcribe:GetTranscriptionJob")),
            // our SigV4 client for Bedrock Runtime Converse, authorized as InvokeModel (Service Authorization
            // Reference, Amazon Bedrock)
            "BedrockConverseClient", Map.of(
                    "converse", List.of("bedrock:InvokeModel")));

    /** Client methods that make no request. */
    private static final Set<String> NOT_REQUESTS = Set.of("close", "serviceName", "serviceClientConfiguration",
            "utilities", "waiter", "toString", "hashCode", "equals");

    private static final Pattern CLIENT_VAR = Pattern.compile(
            "\\b(" + String.join("|", SDK_ACTIONS.keySet()) + ")\\s+(\\w+)\\s*[;,)=]");

    /** What an adapter's source calls on its SDK client(s): the IAM actions, and calls the table lacks. */
    record SdkUse(Set<String> actions, Set<String> calls, List<String> unmapped) {
    }

    static SdkUse sdkUse(String adapterName, String javaSource) {
        String src = stripComments(javaSource);
        Map<String, String> varToClient = new LinkedHashMap<>();
        Matcher v = CLIENT_VAR.matcher(src);
        while (v.find()) varToClient.put(v.group(2), v.group(1));
        Set<String> actions = new TreeSet<>();
        Set<String> calls = new TreeSet<>();
        List<String> unmapped = new ArrayList<>();
        varToClient.forEach((var, client) -> {
            Matcher c = Pattern.compile("\\b" + Pattern.quote(var) + "\\s*\\.\\s*(\\w+)\\s*\\(").matcher(src);
            while (c.find()) {
                String method = c.group(1);
                if (NOT_REQUESTS.contains(method)) continue;
                calls.add(client + "." + method);
                List<String> mapped = SDK_ACTIONS.get(client).get(method);
                if (mapped == null) {
                    unmapped.add(adapterName + " calls " + client + "." + method
                            + " which TemplateChecks.SDK_ACTIONS does not map to IAM actions");
                } else {
                    actions.addAll(mapped);
                }
            }
        });
        return new SdkUse(actions, calls, unmapped);
    }

    /** Actions that the Allow statements grant (exactly; wildcards are rejected elsewhere). */
    static Set<String> allowedActions(List<JsonNode> statements) {
        Set<String> out = new TreeSet<>();
        for (JsonNode s : statements) {
            if ("Allow".equals(s.path("Effect").asText())) out.addAll(SamTemplate.strings(s.path("Action")));
        }
        return out;
    }

    /** Statements that grant {@code action}. */
    static List<JsonNode> grantsOf(List<JsonNode> statements, String action) {
        return statements.stream()
                .filter(s -> "Allow".equals(s.path("Effect").asText()))
                .filter(s -> SamTemplate.strings(s.path("Action")).contains(action))
                .toList();
    }

    static List<String> missingActions(String fn, Set<String> needed, List<JsonNode> statements) {
        Set<String> allowed = allowedActions(statements);
        List<String> problems = new ArrayList<>();
        for (String a : needed) {
            if (!allowed.contains(a)) problems.add(fn + ": needs " + a + " but its policies do not allow it");
        }
        return problems;
    }

    // ------------------------------------------------------------------ (f) resources and function settings

    static List<String> tableProblems(String id, JsonNode table) {
        List<String> p = new ArrayList<>();
        JsonNode props = table.path("Properties");
        expect(p, id + ".BillingMode", props.path("BillingMode"), "PAY_PER_REQUEST");
        expect(p, id + ".PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
                props.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled"), "true");
        expect(p, id + ".StreamSpecification.StreamViewType",
                props.path("StreamSpecification").path("StreamViewType"), "NEW_IMAGE");
        expect(p, id + ".SSESpecification.SSEEnabled", props.path("SSESpecification").path("SSEEnabled"), "true");
        expect(p, id + ".TimeToLiveSpecification.AttributeName",
                props.path("TimeToLiveSpecification").path("AttributeName"), "ttl");
        expect(p, id + ".TimeToLiveSpecification.Enabled",
                props.path("TimeToLiveSpecification").path("Enabled"), "true");
        Map<String, String> keys = new TreeMap<>();
        props.path("KeySchema").forEach(k -> keys.put(k.path("AttributeName").asText(), k.path("KeyType").asText()));
        if (!keys.equals(Map.of("PK", "HASH", "SK", "RANGE"))) p.add(id + ": key schema " + keys + " is not PK/SK");
        JsonNode gsi1 = null;
        for (JsonNode g : props.path("GlobalSecondaryIndexes")) {
            if ("GSI1".equals(g.path("IndexName").asText())) gsi1 = g;
        }
        if (gsi1 == null) {
            p.add(id + ": no GSI1");
        } else {
            Map<String, String> gk = new TreeMap<>();
            gsi1.path("KeySchema").forEach(k -> gk.put(k.path("AttributeName").asText(), k.path("KeyType").asText()));
            if (!gk.equals(Map.of("GSI1PK", "HASH", "GSI1SK", "RANGE"))) p.add(id + ": GSI1 keys " + gk);
            expect(p, id + ".GSI1.Projection.ProjectionType", gsi1.path("Projection").path("ProjectionType"), "ALL");
        }
        Map<String, String> types = new TreeMap<>();
        props.path("AttributeDefinitions").forEach(a -> types.put(a.path("AttributeName").asText(),
                a.path("AttributeType").asText()));
        JsonNode gsi2 = null;
        for (JsonNode g : props.path("GlobalSecondaryIndexes")) {
            if ("GSI2".equals(g.path("IndexName").asText())) gsi2 = g;
        }
        if (gsi2 == null) {
            p.add(id + ": no GSI2 (readers by send hour)");
        } else {
            expect(p, id + ".GSI2.Projection.ProjectionType", gsi2.path("Projection").path("ProjectionType"), "ALL");
        }
        if (!types.equals(Map.of("PK", "S", "SK", "S", "GSI1PK", "S", "GSI1SK", "S", "GSI2PK", "S", "GSI2SK", "S"))) {
            p.add(id + ": attribute definitions " + types);
        }
        return p;
    }

    static List<String> bucketProblems(SamTemplate t, String id) {
        List<String> p = new ArrayList<>();
        JsonNode props = t.resource(id).path("Properties");
        JsonNode pab = props.path("PublicAccessBlockConfiguration");
        for (String flag : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            expect(p, id + ".PublicAccessBlockConfiguration." + flag, pab.path(flag), "true");
        }
        JsonNode sse = props.path("BucketEncryption").path("ServerSideEncryptionConfiguration");
        String algorithm = sse.path(0).path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText();
        if (!Set.of("AES256", "aws:kms", "aws:kms:dsse").contains(algorithm)) {
            p.add(id + ": no default encryption (SSEAlgorithm '" + algorithm + "')");
        }
        boolean feedsExpire = false;
        for (JsonNode r : props.path("LifecycleConfiguration").path("Rules")) {
            String prefix = r.has("Prefix") ? r.path("Prefix").asText() : r.path("Filter").path("Prefix").asText();
            if ("Enabled".equals(r.path("Status").asText()) && "feeds/".equals(prefix)
                    && r.path("ExpirationInDays").asInt(0) > 0) {
                feedsExpire = true;
            }
        }
        if (!feedsExpire) p.add(id + ": no enabled lifecycle rule expiring prefix feeds/");
        boolean tlsOnly = false;
        for (String policyId : t.ofType("AWS::S3::BucketPolicy")) {
            JsonNode pp = t.resource(policyId).path("Properties");
            if (!id.equals(pp.path("Bucket").path("Ref").asText())) continue;
            for (JsonNode s : pp.path("PolicyDocument").path("Statement")) {
                JsonNode secure = s.path("Condition").path("Bool").path("aws:SecureTransport");
                String resources = s.path("Resource").toString();
                boolean everyone = "*".equals(s.path("Principal").asText())
                        || "*".equals(s.path("Principal").path("AWS").asText());
                if ("Deny".equals(s.path("Effect").asText()) && everyone
                        && SamTemplate.strings(s.path("Action")).contains("s3:*")
                        && "false".equals(secure.asText())
                        && resources.contains("[\"" + id + "\",\"Arn\"]") && resources.contains("${" + id + ".Arn}/*")) {
                    tlsOnly = true;
                }
            }
        }
        if (!tlsOnly) p.add(id + ": no bucket policy denying s3:* to everyone without TLS on the bucket and its objects");
        return p;
    }

    /** Runtime, architecture, SnapStart, alias, JSON logs with retention, build method. */
    /** A number, or the smaller branch of an {@code Fn::If} of numbers; 0 for anything else. */
    static int leastOf(com.fasterxml.jackson.databind.JsonNode value) {
        com.fasterxml.jackson.databind.JsonNode branches = value.path("Fn::If");
        if (branches.isArray() && branches.size() == 3) return Math.min(leastOf(branches.get(1)), leastOf(branches.get(2)));
        return value.asInt(0);
    }

    static List<String> functionSettingsProblems(SamTemplate t, String fn, Path root) {
        List<String> p = new ArrayList<>();
        JsonNode props = t.effectiveProperties(fn);
        expect(p, fn + ".Runtime", props.path("Runtime"), "java21");
        if (!props.path("Architectures").toString().equals("[\"arm64\"]")) {
            p.add(fn + ": Architectures " + props.path("Architectures") + " is not [arm64]");
        }
        expect(p, fn + ".SnapStart.ApplyOn", props.path("SnapStart").path("ApplyOn"), "PublishedVersions");
        if (!props.path("AutoPublishAlias").isTextual() || props.path("AutoPublishAlias").asText().isBlank()) {
            p.add(fn + ": no AutoPublishAlias (SnapStart only applies to published versions)");
        }
        expect(p, fn + ".LoggingConfig.LogFormat", props.path("LoggingConfig").path("LogFormat"), "JSON");
        String logGroup = props.path("LoggingConfig").path("LogGroup").path("Ref").asText();
        JsonNode lg = t.resource(logGroup);
        if (!"AWS::Logs::LogGroup".equals(lg.path("Type").asText())) {
            p.add(fn + ": LoggingConfig.LogGroup is not a Ref to a log group of the template");
        } else if (lg.path("Properties").path("RetentionInDays").isMissingNode()) {
            p.add(fn + ": log group " + logGroup + " has no RetentionInDays");
        }
        if (props.path("MemorySize").asInt(0) < 512) p.add(fn + ": MemorySize " + props.path("MemorySize"));
        if (leastOf(props.path("Timeout")) < 30) p.add(fn + ": Timeout " + props.path("Timeout"));
        expect(p, fn + ".Metadata.BuildMethod", t.resource(fn).path("Metadata").path("BuildMethod"), "makefile");
        Path makefile = root.resolve(t.codeUri(fn)).resolve("Makefile");
        if (!Files.isRegularFile(makefile) || !makeKnowsTarget(makefile, "build-" + fn)) {
            p.add(fn + ": " + root.relativize(makefile) + " has no target build-" + fn);
        }
        return p;
    }

    /**
     * The function's asynchronous invocations (Scheduler and EventBridge both invoke asynchronously) end, after
     * Lambda's retries, in an SQS queue that keeps them: an AWS::Lambda::EventInvokeConfig on the published alias
     * with an OnFailure destination.
     */
    /** The queue an AWS::Lambda::EventSourceMapping feeds {@code fn} from, or null: a queue consumer. */
    static String sourceQueue(SamTemplate t, String fn) {
        for (String id : t.ofType("AWS::Lambda::EventSourceMapping")) {
            JsonNode props = t.resource(id).path("Properties");
            if (fn.equals(props.path("FunctionName").path("Ref").asText().replace(".Alias", ""))) {
                return props.path("EventSourceArn").path("Fn::GetAtt").path(0).asText();
            }
        }
        return null;
    }

    static List<String> asyncFailureProblems(SamTemplate t, String fn) {
        List<String> p = new ArrayList<>();
        String source = sourceQueue(t, fn);
        if (source != null) {
            // invoked synchronously by the mapping: what fails goes back to the queue, then to its dead-letter queue
            for (String id : t.ofType("AWS::Lambda::EventSourceMapping")) {
                JsonNode props = t.resource(id).path("Properties");
                if (!props.path("EventSourceArn").path("Fn::GetAtt").path(0).asText().equals(source)) continue;
                if (!props.path("FunctionResponseTypes").toString().contains("ReportBatchItemFailures")) {
                    p.add(id + ": no ReportBatchItemFailures (one failed batch would redeliver the others)");
                }
            }
            if (t.resource(source).path("Properties").path("RedrivePolicy").path("deadLetterTargetArn").isMissingNode()) {
                p.add(source + ": no dead-letter queue for " + fn + "'s failures");
            }
            return p;
        }
        String alias = t.effectiveProperties(fn).path("AutoPublishAlias").asText();
        List<JsonNode> configs = new ArrayList<>();
        for (String id : t.ofType("AWS::Lambda::EventInvokeConfig")) {
            JsonNode props = t.resource(id).path("Properties");
            if (fn.equals(props.path("FunctionName").path("Ref").asText())) configs.add(props);
        }
        if (configs.size() != 1) {
            p.add(fn + ": expected one AWS::Lambda::EventInvokeConfig, found " + configs.size());
            return p;
        }
        JsonNode c = configs.get(0);
        expect(p, fn + " EventInvokeConfig.Qualifier", c.path("Qualifier"), alias);
        if (!c.has("MaximumRetryAttempts")) p.add(fn + ": EventInvokeConfig without MaximumRetryAttempts");
        JsonNode dest = c.path("DestinationConfig").path("OnFailure").path("Destination").path("Fn::GetAtt");
        JsonNode queue = t.resource(dest.path(0).asText());
        if (!"AWS::SQS::Queue".equals(queue.path("Type").asText()) || !"Arn".equals(dest.path(1).asText())) {
            p.add(fn + ": OnFailure destination is not the Arn of an SQS queue of the template");
        } else if (queue.path("Properties").path("MessageRetentionPeriod").asInt(0) < 4 * 24 * 3600) {
            p.add(fn + ": failure queue " + dest.path(0).asText() + " keeps messages under 4 days");
        }
        return p;
    }

    // ------------------------------------------------------------------ (g) alarms

    /** The alarms of the template on {@code namespace}/{@code metric} whose dimension {@code name} is {@code value}. */
    static List<JsonNode> alarmsOn(SamTemplate t, String namespace, String metric, String name, JsonNode value) {
        List<JsonNode> out = new ArrayList<>();
        for (String id : t.ofType("AWS::CloudWatch::Alarm")) {
            JsonNode p = t.resource(id).path("Properties");
            if (!namespace.equals(p.path("Namespace").asText()) || !metric.equals(p.path("MetricName").asText())) continue;
            boolean matches = name == null;
            for (JsonNode d : p.path("Dimensions")) {
                if (name != null && name.equals(d.path("Name").asText()) && value.equals(d.path("Value"))) matches = true;
            }
            if (matches) out.add(p);
        }
        return out;
    }

    /** An alarm that fires as soon as the metric is above zero (a count or a depth), and notifies someone. */
    static List<String> alarmProblems(String what, List<JsonNode> alarms, boolean anyNonZero) {
        if (alarms.isEmpty()) return List.of(what + ": no alarm");
        List<String> p = new ArrayList<>();
        for (JsonNode a : alarms) {
            if (a.path("AlarmActions").isEmpty()) p.add(what + ": alarm without AlarmActions");
            if (anyNonZero && !("GreaterThanThreshold".equals(a.path("ComparisonOperator").asText())
                    && a.path("Threshold").asDouble(-1) == 0)) {
                p.add(what + ": alarm does not fire on the first one (Threshold " + a.path("Threshold")
                        + ", " + a.path("ComparisonOperator").asText() + ")");
            }
        }
        return p;
    }

    /** Each function's Errors (AWS/Lambda, by FunctionName) is alarmed on. */
    static List<String> functionAlarmProblems(SamTemplate t, String fn) {
        JsonNode ref = JsonNodeFactory.instance.objectNode().put("Ref", fn);
        return alarmProblems(fn + " Errors", alarmsOn(t, "AWS/Lambda", "Errors", "FunctionName", ref), true);
    }

    /** Each queue (the failure destinations and dead-letter queues) is encrypted and its depth alarmed on. */
    static List<String> queueProblems(SamTemplate t, String queue) {
        List<String> p = new ArrayList<>();
        JsonNode props = t.resource(queue).path("Properties");
        if (!props.path("SqsManagedSseEnabled").asBoolean(false) && props.path("KmsMasterKeyId").isMissingNode()) {
            p.add(queue + ": not encrypted (SqsManagedSseEnabled or KmsMasterKeyId)");
        }
        JsonNode name = JsonNodeFactory.instance.objectNode().set("Fn::GetAtt",
                JsonNodeFactory.instance.arrayNode().add(queue).add("QueueName"));
        if (props.has("RedrivePolicy")) {
            // a work queue is never empty while it works: what is alarmed is work that waits too long, and its
            // dead-letter queue (a queue of its own here) is alarmed on depth
            if (props.path("RedrivePolicy").path("maxReceiveCount").asInt(0) < 1) p.add(queue + ": redrive without maxReceiveCount");
            p.addAll(alarmProblems(queue + " age", alarmsOn(t, "AWS/SQS", "ApproximateAgeOfOldestMessage",
                    "QueueName", name), false));
        } else {
            p.addAll(alarmProblems(queue + " depth", alarmsOn(t, "AWS/SQS", "ApproximateNumberOfMessagesVisible",
                    "QueueName", name), true));
        }
        return p;
    }

    /** The account's SES reputation: bounce and complaint rates. */
    static List<String> sesAlarmProblems(SamTemplate t) {
        List<String> p = new ArrayList<>();
        for (String metric : List.of("Reputation.BounceRate", "Reputation.ComplaintRate")) {
            p.addAll(alarmProblems("SES " + metric, alarmsOn(t, "AWS/SES", metric, null, null), false));
        }
        return p;
    }

    /** Every alarm action is the template's alarm topic (a Ref to an AWS::SNS::Topic). */
    static List<String> alarmActionProblems(SamTemplate t) {
        List<String> p = new ArrayList<>();
        for (String id : t.ofType("AWS::CloudWatch::Alarm")) {
            JsonNode props = t.resource(id).path("Properties");
            for (String key : List.of("AlarmActions", "OKActions")) {
                for (JsonNode action : props.path(key)) {
                    if (!"AWS::SNS::Topic".equals(t.resource(action.path("Ref").asText()).path("Type").asText())) {
                        p.add(id + "." + key + ": " + action + " is not a Ref to an SNS topic of the template");
                    }
                }
            }
        }
        return p;
    }

    private static void expect(List<String> problems, String what, JsonNode actual, String expected) {
        if (!expected.equals(actual.asText())) {
            problems.add(what + " is " + (actual.isMissingNode() ? "missing" : actual.toString())
                    + ", expected " + expected);
        }
    }

    // ------------------------------------------------------------------ sources

    static String stripComments(String src) {
        return src.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//.*$", "");
    }

    /** Every .java file under {@code dir}, concatenated ("" when the folder does not exist). */
    static String javaSources(Path dir) {
        if (!Files.isDirectory(dir)) return "";
        try (Stream<Path> files = Files.walk(dir)) {
            StringBuilder sb = new StringBuilder();
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sb.append(Files.readString(p)).append('\n');
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Java files under {@code dir} by path, for messages that say where something was found. */
    static Map<Path, String> javaFiles(Path dir) {
        Map<Path, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) out.put(p, Files.readString(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Asks make itself (dry run), so targets built from variables and includes count as sam build sees them. */
    static boolean makeKnowsTarget(Path makefile, String target) {
        try {
            Process make = new ProcessBuilder("make", "-n", "-f", makefile.getFileName().toString(), target,
                    "ARTIFACTS_DIR=/nonexistent").directory(makefile.getParent().toFile())
                    .redirectErrorStream(true).start();
            make.getInputStream().readAllBytes();
            return make.waitFor() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
