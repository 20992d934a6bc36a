package com.podcastinsights.cli;

import com.podcastinsights.config.Settings;
import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.Table;

import java.time.Clock;

/**
 * The ports of a local run (file bucket, file table, outbox, in-process bus) or of a test standing in for one:
 * every stage's ports at once, none missing. {@link LocalStages} builds each stage's handler from them.
 */
public record LocalPorts(BlobStore blobs, Table table, Mailer mailer, EventPublisher events, SafeHttpClient http,
                         Clock clock, Settings settings) {
}
