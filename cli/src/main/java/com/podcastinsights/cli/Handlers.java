package com.podcastinsights.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.function.ExtractInsightsHandler;
import com.podcastinsights.function.FetchFeedsHandler;
import com.podcastinsights.function.FetchTranscriptHandler;
import com.podcastinsights.function.MailFeedbackHandler;
import com.podcastinsights.function.SendDigestHandler;
import com.podcastinsights.function.TranscriptionDoneHandler;
import com.podcastinsights.transcript.TranscriptionJobs;

import java.util.Map;
import java.util.function.Function;

/**
 * The Lambda handlers by class name, as template.yaml names them, built on local ports. An explicit map rather than
 * reflection: a renamed handler breaks the build here instead of the local run.
 */
final class Handlers {
    static final Map<String, Function<LocalPorts, RequestStreamHandler>> BY_CLASS = Map.of(
            FetchFeedsHandler.class.getName(), LocalStages::fetchFeeds,
            FetchTranscriptHandler.class.getName(), LocalStages::fetchTranscript,
            ExtractInsightsHandler.class.getName(), LocalStages::extractInsights,
            SendDigestHandler.class.getName(), LocalStages::sendDigest,
            // local mail goes to the outbox, so SES feedback never arrives; a set name no stack has, for completeness
            MailFeedbackHandler.class.getName(), p -> LocalStages.mailFeedback(p, "podcast-insights-local"),
            // local runs start no Transcribe jobs, so its job-state changes never arrive; known for completeness
            TranscriptionDoneHandler.class.getName(),
            p -> LocalStages.transcriptionDone(p, TranscriptionJobs.COMMON_PREFIX + "local-"));

    private Handlers() {
    }

    /** Accepts both a class name and SAM's {@code Class::method} form. */
    static Function<LocalPorts, RequestStreamHandler> forClass(String handler) {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        Function<LocalPorts, RequestStreamHandler> factory = BY_CLASS.get(className.trim());
        if (factory == null) {
            throw new IllegalStateException("template.yaml routes events to " + handler
                    + ", which the local runner does not know; known handlers: " + BY_CLASS.keySet());
        }
        return factory;
    }

    /** FetchFeedsHandler -> FetchFeeds: the function name used in progress lines and the Lambda context. */
    static String functionName(String handler) {
        String simple = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        simple = simple.substring(simple.lastIndexOf('.') + 1);
        return simple.endsWith("Handler") ? simple.substring(0, simple.length() - "Handler".length()) : simple;
    }
}
