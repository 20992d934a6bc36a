package com.podcastinsights.digest;

/**
 * An HTTP answer of the reader web (one-click unsubscribe and the pages around it), independent of how it is served
 * (Function URL, local server). Pages share one layout ({@link #page}) and one stylesheet, so the content security
 * policy needs no inline styles or scripts.
 */
public record WebResponse(int status, String body, String contentType) {
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    public WebResponse(int status, String body) {
        this(status, body, CONTENT_TYPE);
    }

    /** A whole page: {@code title} is escaped here, {@code bodyHtml} must already be safe HTML. */
    public static String page(String title, String bodyHtml) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + MailText.escapeHtml(title) + "</title>"
                + "<link rel=\"stylesheet\" href=\"/style.css\"><script src=\"/tz.js\" defer></script></head>"
                + "<body><main><p class=\"brand\"><a href=\"/\">Podcast Insights</a></p>"
                + "<h1>" + MailText.escapeHtml(title) + "</h1>\n" + bodyHtml + "</main></body></html>\n";
    }
}
