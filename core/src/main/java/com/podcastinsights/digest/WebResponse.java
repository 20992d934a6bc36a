package com.podcastinsights.digest;

/** An HTTP answer of the unsubscribe endpoint, independent of how it is served (Function URL, local). */
public record WebResponse(int status, String body) {
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";
}
