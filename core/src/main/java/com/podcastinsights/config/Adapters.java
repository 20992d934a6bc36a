package com.podcastinsights.config;

import com.podcastinsights.http.SafeHttpClient;
import com.podcastinsights.port.BlobStore;
import com.podcastinsights.port.EventPublisher;
import com.podcastinsights.port.Mailer;
import com.podcastinsights.port.Table;

import java.time.Clock;

/**
 * The collaborators a handler needs. Lambda builds the AWS set once at init; the local runner and tests
 * pass embedded ones. A stage that does not use a port gets null for it.
 */
public record Adapters(BlobStore blobs, Table table, Mailer mailer, EventPublisher events, SafeHttpClient http,
                       Clock clock, Settings settings) {
}
