package com.podcastinsights.local;

/**
 * What the in-process bus invokes: one EventBridge envelope as JSON. The CLI adapts each Lambda
 * RequestStreamHandler to this, so shared needs no Lambda types.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(String eventJson) throws Exception;
}
