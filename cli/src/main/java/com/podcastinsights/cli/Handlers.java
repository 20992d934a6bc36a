package com.podcastinsights.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.config.Adapters;
import com.podcastinsights.function.ExtractInsightsHandler;
import com.podcastinsights.function.FetchFeedsHandler;
import com.podcastinsights.function.FetchTranscriptHandler;
import com.podcastinsights.function.SendDigestHandler;

import java.util.Map;
import java.util.function.Function;

/**
 * The four Lambda handlers by class name, as template.yaml names them. An explicit map rather than
 * reflection: a renamed handler breaks the build here instead of the local run.
 */
final class Handlers {
    static final Map<String, Function<Adapters, RequestStreamHandler>> BY_CLASS = Map.of(
            FetchFeedsHandler.class.getName(), FetchFeedsHandler::new,
            FetchTranscriptHandler.class.getName(), FetchTranscriptHandler::new,
            ExtractInsightsHandler.class.getName(), ExtractInsightsHandler::new,
            SendDigestHandler.class.getName(), SendDigestHandler::new,
            // local mail goes to the outbox, so SES feedback never arrives; a set name no stack has, for completeness
            com.podcastinsights.function.MailFeedbackHandler.class.getName(),
            a -> new com.podcastinsights.function.MailFeedbackHandler(a, "podcast-insights-local"),
            // local runs start no Transcribe jobs, so its job-state changes never arrive; known for completeness
            com.podcastinsights.function.TranscriptionDoneHandler.class.getName(),
            a -> new com.podcastinsights.function.TranscriptionDoneHandler(a,
                    com.podcastinsights.transcript.TranscriptionJobs.COMMON_PREFIX + "local-"));

    private Handlers() {
    }

    /** Accepts both a class name and SAM's {@code Class::method} form. */
    static Function<Adapters, RequestStreamHandler> forClass(String handler) {
        String className = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
        Function<Adapters, RequestStreamHandler> factory = BY_CLASS.get(className.trim());
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
