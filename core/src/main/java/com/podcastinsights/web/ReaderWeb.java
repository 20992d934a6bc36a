package com.podcastinsights.web;

import com.podcastinsights.digest.WebResponse;
import com.podcastinsights.digest.UnsubscribeEndpoint;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The reader web: sign-up with double opt-in, preferences, feedback, the archive and one-click unsubscribe, as one
 * tiny router over plain HTML pages (no framework, no script but the one that pre-fills the time zone). Every page
 * that changes something does so only on POST, with its signed token in the form; GET shows a button. A POST whose
 * Origin is another site is refused before anything is read.
 */
public final class ReaderWeb {
    private static final Logger LOG = Logger.getLogger(ReaderWeb.class.getName());

    /** {@code topics}: the topics the sign-up and preferences offer; the rest as SendDigest has them. */
    public record Config(List<String> topics, ZoneId digestZone, int defaultSendHour, String sender) {
        public Config {
            topics = List.copyOf(topics);
        }
    }

    /** The pages at a fixed path; "/" (the home page, or an unsubscribe link) and each day of the archive aside. */
    private final Map<String, Function<WebRequest, WebResponse>> routes;
    private final ArchivePages archive;
    private final UnsubscribeEndpoint unsubscribe;

    public ReaderWeb(SignUpPages signUp, PreferencesPage preferences, FeedbackPages feedback, ArchivePages archive,
                     UnsubscribeEndpoint unsubscribe) {
        this.routes = Map.of(
                "/unsubscribe", this::unsubscribeLink,
                "/style.css", r -> new WebResponse(200, Pages.STYLE, "text/css; charset=utf-8"),
                "/tz.js", r -> new WebResponse(200, Pages.TIME_ZONE_SCRIPT, "text/javascript; charset=utf-8"),
                "/subscribe", signUp::subscribe,
                "/confirm", signUp::confirm,
                "/preferences", preferences::handle,
                "/feedback", feedback::handle,
                "/archive", r -> archive.index(),
                "/archive.atom", r -> archive.atom(r.base()));
        this.archive = archive;
        this.unsubscribe = unsubscribe;
    }

    public WebResponse handle(WebRequest r) {
        String m = r.method() == null ? "" : r.method().toUpperCase(Locale.ROOT);
        if (!m.equals("GET") && !m.equals("HEAD") && !m.equals("POST")) return Pages.error(405, "Not allowed", "Use the pages' links and buttons.");
        if (m.equals("POST") && r.origin() != null && !r.origin().equals("null") && !r.base().startsWith(r.origin() + "/")) {
            return Pages.error(403, "Not allowed", "This form can only be sent from its own page.");
        }
        String path = r.path() == null || r.path().isEmpty() ? "/" : r.path();
        try {
            return route(path, r);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reader web " + path + " failed: " + e.getClass().getSimpleName());
            return Pages.error(503, "Something went wrong", "Please try again in a few minutes.");
        }
    }

    private WebResponse route(String path, WebRequest r) {
        if (path.equals("/")) return r.param("token") == null ? Pages.home() : unsubscribeLink(r);
        Function<WebRequest, WebResponse> page = routes.get(path);
        if (page != null) return page.apply(r);
        if (path.startsWith("/archive/")) return archive.day(path.substring("/archive/".length()));
        return Pages.error(404, "Not found", "There is no such page.");
    }

    private WebResponse unsubscribeLink(WebRequest r) {
        return unsubscribe.handle(r.method(), r.param("token"));
    }
}
