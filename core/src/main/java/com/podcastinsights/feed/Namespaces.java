package com.podcastinsights.feed;

import javax.xml.stream.XMLStreamReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Element names by namespace URI, not by the prefix a feed happens to use: {@code <it:duration
 * xmlns:it="http://www.itunes.com/dtds/podcast-1.0.dtd">} and {@code <duration xmlns="...itunes...">} both read
 * as "itunes:duration". Every spelling of a namespace that feeds use (http or https, with or without a trailing
 * slash, any case, the podcast namespace's GitHub and podcastindex.org URIs) maps to one canonical prefix.
 *
 * <p>The XML reader is not namespace aware, so a feed that uses a well-known prefix without declaring it (a
 * third of small feeds do) still parses, and such a prefix keeps its usual meaning. A prefix bound to a URI we
 * do not know gets a name no field matches. Names are resolved once per distinct spelling while the bindings
 * in scope stay the same, which in a feed is almost always from the root on.
 */
final class Namespaces {
    /** Canonical prefix by namespace URI, the URI lower-cased without scheme and trailing "/" or "#". */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("www.itunes.com/dtds/podcast-1.0.dtd", "itunes"),
            Map.entry("itunes.com/dtds/podcast-1.0.dtd", "itunes"),
            Map.entry("podcastindex.org/namespace/1.0", "podcast"),
            Map.entry("github.com/podcastindex-org/podcast-namespace/blob/main/docs/1.0.md", "podcast"),
            Map.entry("github.com/podcastindex-org/podcast-namespace", "podcast"),
            Map.entry("purl.org/rss/1.0/modules/content", "content"),
            Map.entry("search.yahoo.com/mrss", "media"),
            Map.entry("tools.ietf.org/html/rfc2397", "media"),
            Map.entry("purl.org/dc/elements/1.1", "dc"),
            Map.entry("purl.org/dc/elements/1.0", "dc"),
            Map.entry("purl.org/dc/terms", "dcterms"),
            Map.entry("www.w3.org/2005/atom", "atom"),
            Map.entry("purl.org/atom/ns", "atom"),
            Map.entry("www.w3.org/1999/02/22-rdf-syntax-ns", "rdf"),
            Map.entry("www.w3.org/1999/xhtml", "xhtml"),
            Map.entry("podlove.org/simple-chapters", "psc"),
            Map.entry("www.google.com/schemas/play-podcasts/1.0", "googleplay"),
            Map.entry("www.w3.org/xml/1998/namespace", "xml"),
            // RSS's own elements, when a feed puts them in a namespace (RSS 0.90, 1.0, the userland RSS 2.0 URI)
            Map.entry("purl.org/rss/1.0", ""),
            Map.entry("my.netscape.com/rdf/simple/0.9", ""),
            Map.entry("backend.userland.com/rss2", ""),
            Map.entry("backend.userland.com/rss", ""),
            Map.entry("blogs.law.harvard.edu/tech/rss", ""),
            Map.entry("purl.org/net/rss1.1", ""));

    private static final Set<String> WELL_KNOWN_PREFIXES = Set.copyOf(KNOWN.values());

    /** One element's declarations; bindings map a prefix ("" for the default) to its canonical prefix. */
    private record Scope(int depth, Map<String, String> bindings) {
    }

    private final List<Scope> scopes = new ArrayList<>();
    private Map<String, String> names = new HashMap<>();
    private int depth;

    /** Call on every START_ELEMENT: reads its declarations and returns its canonical name. */
    String start(XMLStreamReader r) {
        depth++;
        int count = r.getAttributeCount();
        Map<String, String> declared = null;
        for (int i = 0; i < count; i++) {
            String prefix = r.getAttributePrefix(i);
            String local = r.getAttributeLocalName(i);
            String bound;
            if ("xmlns".equals(prefix)) {
                bound = local;
            } else if ((prefix == null || prefix.isEmpty()) && local.startsWith("xmlns")) {
                bound = local.equals("xmlns") ? "" : local.startsWith("xmlns:") ? local.substring(6) : null;
            } else {
                continue;
            }
            if (bound == null) continue;
            if (declared == null) declared = new HashMap<>(4);
            declared.put(bound, canonical(r.getAttributeValue(i), bound));
        }
        if (declared != null) {
            scopes.add(new Scope(depth, declared));
            names = new HashMap<>();
        }
        String raw = raw(r);
        String name = names.get(raw);
        if (name == null) {
            name = resolve(raw);
            names.put(raw, name);
        }
        return name;
    }

    /** Call on every END_ELEMENT. */
    void end() {
        if (!scopes.isEmpty() && scopes.get(scopes.size() - 1).depth() == depth) {
            scopes.remove(scopes.size() - 1);
            names = new HashMap<>();
        }
        depth--;
    }

    private static String raw(XMLStreamReader r) {
        String prefix = r.getPrefix();
        String local = r.getLocalName();
        return prefix == null || prefix.isEmpty() || local.contains(":") ? local : prefix + ":" + local;
    }

    private String resolve(String raw) {
        int colon = raw.indexOf(':');
        String prefix = colon < 0 ? "" : raw.substring(0, colon);
        String local = raw.substring(colon + 1);
        String canonical = lookup(prefix);
        if (canonical == null) {
            // Undeclared: a prefixed name keeps its prefix (itunes:duration without xmlns:itunes); an element in
            // no namespace, or in one we do not know, is named by its local name.
            return raw;
        }
        return canonical.isEmpty() ? local : canonical + ":" + local;
    }

    private String lookup(String prefix) {
        for (int i = scopes.size() - 1; i >= 0; i--) {
            String c = scopes.get(i).bindings().get(prefix);
            if (c != null) return c;
        }
        return null;
    }

    /**
     * The canonical prefix for {@code uri}. An unknown URI bound to a well-known prefix is taken as a misspelling
     * of that namespace (xmlns:itunes="http://www.itunes.com/dtd/podcast-1.0.dtd" is common); bound to another
     * prefix it is marked so no field matches it.
     */
    private static String canonical(String uri, String prefix) {
        String c = KNOWN.get(normalise(uri));
        if (c != null) return c;
        // A default namespace we do not know (xmlns="http://example.com/rss") leaves names as written.
        if (prefix.isEmpty()) return "";
        return WELL_KNOWN_PREFIXES.contains(prefix) ? prefix : "?" + prefix;
    }

    static String normalise(String uri) {
        String u = uri == null ? "" : uri.strip().toLowerCase(Locale.ROOT);
        int scheme = u.indexOf("://");
        if (scheme >= 0) u = u.substring(scheme + 3);
        while (u.endsWith("/") || u.endsWith("#")) u = u.substring(0, u.length() - 1);
        return u;
    }
}
