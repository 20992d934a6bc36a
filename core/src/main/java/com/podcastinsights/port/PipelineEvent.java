package com.podcastinsights.port;

/** One event for the bus: {@code detailJson} is the JSON object that becomes the event's detail. */
public record PipelineEvent(String source, String detailType, String detailJson) {
}
