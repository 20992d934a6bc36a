package com.podcastinsights.local;

import java.util.Objects;

/** One EventBridge rule of template.yaml: events matching {@code patternJson} go to {@code functionName}. */
public record Route(String functionName, String handlerClass, String patternJson) {
    public Route {
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(handlerClass, "handlerClass");
        Objects.requireNonNull(patternJson, "patternJson");
    }
}
