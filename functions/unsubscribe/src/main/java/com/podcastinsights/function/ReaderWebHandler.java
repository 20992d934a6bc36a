package com.podcastinsights.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.podcastinsights.config.Env;
import com.podcastinsights.digest.WebResponse;
import com.podcastinsights.json.Json;
import com.podcastinsights.web.ReaderWeb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The reader web behind the Function URL: one-click unsubscribe (the List-Unsubscribe URL, {@code /?token=…}),
 * sign-up, confirmation, preferences, feedback and the archive. The event becomes a request
 * ({@link FunctionUrlEvents}), {@link ReaderWeb} routes it, and the page goes back with the security headers.
 */
public final class ReaderWebHandler implements RequestStreamHandler {
    private final ReaderWeb web;

    public ReaderWebHandler() {
        this(ReaderWebLambda.web(Env.system()));
    }

    /** Local runs and tests: the stage as {@code ReaderWebStage} builds it on their ports. */
    public ReaderWebHandler(ReaderWeb web) {
        this.web = web;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        WebResponse response;
        try {
            response = web.handle(FunctionUrlEvents.request(Json.MAPPER.readTree(input)));
        } catch (IllegalArgumentException tooBig) {
            response = new WebResponse(413, WebResponse.page("Too large", "<p>That request is larger than any form here.</p>"));
        }
        Json.MAPPER.writeValue(output, FunctionUrlEvents.response(response));
    }
}
