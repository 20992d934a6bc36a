package com.podcastinsights.feed;

import com.podcastinsights.html.HtmlEscape;
import com.podcastinsights.html.HtmlText;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One pass over one RSS or Atom document, items handed to the sink as they end. Elements are named by
 * namespace ({@link Namespaces}); an item's or channel's fields are its direct children only, so the title of
 * an item's {@code <image>} or of an entry's {@code <source>} is never the item's. Every text goes through
 * {@link FeedText} here, once.
 */
final class FeedDocument {
    /** Dates in the order they are believed: the publication date, then the older and rarer spellings of it. */
    private static final List<String> DATE_ORDER = List.of("pubDate", "atom:published", "published", "issued",
            "dcterms:issued", "dc:date", "created", "dcterms:created", "atom:updated", "updated", "modified",
            "dcterms:modified");
    private static final Map<String, Integer> DATE_RANK = rank(DATE_ORDER);

    private static Map<String, Integer> rank(List<String> names) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < names.size(); i++) m.put(names.get(i), i);
        return Map.copyOf(m);
    }

    /** The channel-level fields, filled as they are met. */
    private static final class Head {
        String title, dcTitle, link, language, description, dcDescription, summary, subtitle, newFeedUrl, redirect;
        String podcastGuid;
        /** The description is an Atom text construct, HTML already; the others are sniffed when chosen. */
        boolean descriptionTyped;
        Boolean locked;
        final List<Person> persons = new ArrayList<>();

        ParsedFeed toFeed() {
            String notes = descriptionTyped && !blank(description) ? description
                    : FeedText.notes(first(description, dcDescription, summary, subtitle));
            return new ParsedFeed(FeedParser.title(first(title, dcTitle)), link, FeedParser.clean(language),
                    FeedParser.notes(notes),
                    newFeedUrl != null ? newFeedUrl : redirect, FeedParser.clean(podcastGuid), locked, persons, List.of());
        }
    }

    /**
     * One item's fields while it is being read. {@code encoded} is HTML; the other descriptions are sniffed for
     * HTML when one is chosen, unless {@code descriptionTyped} says an Atom type made it HTML already.
     */
    private static final class Draft {
        String guid, guidPermaLink, title, dcTitle, mediaTitle, link, altLink;
        String encoded, description, dcDescription, summary, subtitle, mediaDescription, duration;
        boolean descriptionTyped;
        String season, episode, chapters;
        final String[] dates = new String[DATE_ORDER.size()];
        final Enclosures enclosures = new Enclosures();
        final List<TranscriptLink> transcripts = new ArrayList<>();
        final List<Person> persons = new ArrayList<>();
    }

    private final XMLStreamReader r;
    private final Namespaces ns;
    private final Consumer<FeedItem> sink;
    private URI base;
    /** The canonical name of the element the reader is on (after a START_ELEMENT). */
    private String name;

    FeedDocument(XMLStreamReader r, Namespaces ns, String rootName, URI base, Consumer<FeedItem> sink) {
        this.r = r;
        this.ns = ns;
        this.name = rootName;
        this.base = base;
        this.sink = sink;
    }

    ParsedFeed rss() throws XMLStreamException, FeedFormatException {
        Head head = new Head();
        base = rebase(base);
        URI channelBase = base;
        int depth = 1;
        int channelDepth = -1;
        boolean channelClosed = false;
        while (r.hasNext() && depth > 0) {
            int ev = next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                if (depth == channelDepth) channelClosed = true;
                depth--;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String n = name;
            if (n.equals("item")) {
                base = rebase(channelBase);
                sink.accept(rssItem());
                base = channelBase;
                continue;
            }
            depth++;
            if (n.equals("channel") && channelDepth < 0) {
                channelDepth = depth;
                channelBase = base = rebase(base);
            } else if ((!channelClosed && depth == channelDepth + 1) || (channelDepth < 0 && depth == 2)) {
                // direct children of the channel; before any channel, of the root (RSS 0.9x, <redirect>)
                if (channelField(head, n)) depth--;
            }
        }
        return head.toFeed();
    }

    /** Reads a channel-level element; true when it consumed the element's end tag. */
    private boolean channelField(Head head, String n) throws XMLStreamException, FeedFormatException {
        switch (n) {
            case "title" -> head.title = head.title == null ? text() : skip(head.title);
            case "dc:title" -> head.dcTitle = head.dcTitle == null ? text() : skip(head.dcTitle);
            case "link" -> {
                String t = FeedParser.clean(text());
                if (head.link == null && t != null) head.link = absolute(t);
            }
            case "language", "dc:language" -> head.language = head.language == null ? text() : skip(head.language);
            case "description" -> head.description = text();
            case "dc:description" -> head.dcDescription = text();
            case "itunes:summary" -> head.summary = text();
            case "itunes:subtitle" -> head.subtitle = text();
            case "itunes:new-feed-url" -> head.newFeedUrl = absolute(text());
            case "redirect" -> head.redirect = redirect();
            case "podcast:guid" -> head.podcastGuid = text();
            case "podcast:locked" -> head.locked = locked(text());
            case "podcast:person" -> person(head.persons);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** {@code <redirect><newLocation>URL</newLocation></redirect>}, the older way of moving a feed. */
    private String redirect() throws XMLStreamException, FeedFormatException {
        String url = null;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && name.equals("newLocation") && url == null) {
                    url = absolute(text());
                } else {
                    depth++;
                }
            }
        }
        return url;
    }

    private FeedItem rssItem() throws XMLStreamException, FeedFormatException {
        return item(this::rssField);
    }

    /** Reads one direct child of an item or entry; true when it consumed the element's end tag. */
    @FunctionalInterface
    private interface FieldReader {
        boolean read(Draft d, String name) throws XMLStreamException, FeedFormatException;
    }

    /**
     * An RSS item or an Atom entry: its direct children go to {@code direct}; deeper elements count only as the
     * {@code media:} fields of a {@code media:group}, so a title inside an image never becomes the item's.
     */
    private FeedItem item(FieldReader direct) throws XMLStreamException, FeedFormatException {
        Draft d = new Draft();
        int depth = 1;
        while (r.hasNext()) {
            int ev = next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                if (--depth == 0) break;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            depth++;
            boolean consumed = depth == 2 ? direct.read(d, name) : name.startsWith("media:") && mediaField(d, name);
            if (consumed) depth--;
        }
        return item(d);
    }

    /** One direct child of an RSS item; true when it consumed the element's end tag. */
    private boolean rssField(Draft d, String n) throws XMLStreamException, FeedFormatException {
        switch (n) {
            case "guid" -> {
                if (d.guid != null) return skipped();
                d.guidPermaLink = attr("isPermaLink");
                d.guid = text();
            }
            case "title" -> d.title = d.title == null ? text() : skip(d.title);
            case "dc:title" -> d.dcTitle = d.dcTitle == null ? text() : skip(d.dcTitle);
            case "link" -> d.link = d.link == null ? text() : skip(d.link);
            case "enclosure" -> {
                d.enclosures.add(attr("url"), attr("type"), length(attr("length")), false);
                return false;
            }
            case "atom:link" -> {
                atomLink(d);
                return false;
            }
            case "content:encoded" -> d.encoded = text();
            case "description" -> d.description = text();
            case "dc:description" -> d.dcDescription = text();
            case "itunes:summary" -> d.summary = text();
            case "itunes:subtitle" -> d.subtitle = text();
            case "itunes:duration" -> d.duration = text();
            case "itunes:season", "podcast:season" -> d.season = d.season == null ? text() : skip(d.season);
            case "itunes:episode", "podcast:episode" -> d.episode = d.episode == null ? text() : skip(d.episode);
            case "podcast:transcript" -> {
                transcript(d.transcripts);
                return false;
            }
            case "podcast:chapters" -> {
                if (d.chapters == null) d.chapters = attr("url");
                return false;
            }
            case "podcast:person" -> person(d.persons);
            default -> {
                return date(d, n) || (n.startsWith("media:") && mediaField(d, n));
            }
        }
        return true;
    }

    /** Media RSS, directly in the item or in its media:group; true when it consumed the end tag. */
    private boolean mediaField(Draft d, String n) throws XMLStreamException, FeedFormatException {
        switch (n) {
            case "media:content" -> {
                d.enclosures.add(attr("url"), attr("type"), length(attr("fileSize")), true);
                return false;
            }
            case "media:title" -> d.mediaTitle = d.mediaTitle == null ? text() : skip(d.mediaTitle);
            case "media:description" -> d.mediaDescription = d.mediaDescription == null
                    ? text() : skip(d.mediaDescription);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A date element of any spelling; the first of each kind is kept. True when it consumed the end tag. */
    private boolean date(Draft d, String n) throws XMLStreamException, FeedFormatException {
        Integer at = DATE_RANK.get(n);
        if (at == null) return false;
        d.dates[at] = d.dates[at] == null ? text() : skip(d.dates[at]);
        return true;
    }

    private void atomLink(Draft d) {
        String rel = attr("rel");
        String href = attr("href");
        if ("enclosure".equals(rel)) {
            d.enclosures.add(href, attr("type"), length(attr("length")), false);
        } else if ((rel == null || rel.equals("alternate")) && d.altLink == null && htmlish(attr("type"))) {
            d.altLink = href;
        }
    }

    private static boolean htmlish(String type) {
        return type == null || type.isBlank() || type.toLowerCase(Locale.ROOT).contains("html");
    }

    private FeedItem item(Draft d) {
        Enclosures.Candidate enclosure = d.enclosures.best();
        String enclosureUrl = enclosure == null ? null : absolute(enclosure.url());
        String guid = FeedParser.clean(FeedText.token(d.guid));
        String link = absolute(d.link);
        if (link == null) link = absolute(d.altLink);
        if (link == null) link = permaLink(guid, d.guidPermaLink);
        return new FeedItem(guid, FeedParser.title(first(d.title, d.dcTitle, d.mediaTitle)), link, date(d.dates),
                enclosureUrl, enclosure == null ? null : enclosure.length(),
                enclosure == null ? null : FeedParser.clean(enclosure.type()), Durations.seconds(d.duration),
                integer(d.season), integer(d.episode), absolute(d.chapters), d.transcripts, d.persons,
                FeedParser.notes(notes(d)));
    }

    /** The item's show notes as HTML: content, else the first description there is, sniffed unless typed. */
    private static String notes(Draft d) {
        if (!blank(d.encoded)) return d.encoded;
        if (d.descriptionTyped && !blank(d.description)) return d.description;
        return FeedText.notes(first(d.description, d.dcDescription, d.summary, d.subtitle, d.mediaDescription));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * A guid is the item's link when it says it is a permalink: isPermaLink="true" (resolved like a link), or
     * no attribute and an absolute http(s) URL. A guid that is only an identifier never becomes a link.
     */
    private String permaLink(String guid, String isPermaLink) {
        if (guid == null || "false".equalsIgnoreCase(isPermaLink == null ? null : isPermaLink.strip())) return null;
        if (isPermaLink != null && isPermaLink.strip().equalsIgnoreCase("true")) return absolute(guid);
        String g = guid.toLowerCase(Locale.ROOT);
        return g.startsWith("http://") || g.startsWith("https://") ? absolute(guid) : null;
    }

    /** The first date, in {@link #DATE_ORDER}, that can be read. */
    private static String date(String[] dates) {
        for (String text : dates) {
            String iso = text == null ? null : FeedDates.toIso(text);
            if (iso != null) return iso;
        }
        return null;
    }

    ParsedFeed atom() throws XMLStreamException, FeedFormatException {
        Head head = new Head();
        head.language = attr("xml:lang");
        base = rebase(base);
        URI feedBase = base;
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int ev = next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String n = atomLocal(name);
            depth++;
            if (n.equals("entry")) {
                base = rebase(feedBase);
                sink.accept(atomEntry());
                base = feedBase;
                depth--;
            } else if (depth == 2) {
                boolean consumed = true;
                switch (n) {
                    case "title" -> head.title = head.title == null ? atomTitle() : skip(head.title);
                    case "subtitle", "tagline" -> {
                        head.description = atomNotes();
                        head.descriptionTyped = true;
                    }
                    case "link" -> {
                        String rel = attr("rel");
                        if ((rel == null || rel.equals("alternate")) && head.link == null && htmlish(attr("type"))) {
                            head.link = absolute(attr("href"));
                        }
                        consumed = false;
                    }
                    case "author", "source" -> skipElement();
                    default -> consumed = channelField(head, n);
                }
                if (consumed) depth--;
            }
        }
        return head.toFeed();
    }

    private FeedItem atomEntry() throws XMLStreamException, FeedFormatException {
        return item((d, n) -> atomField(d, atomLocal(n)));
    }

    /** One direct child of an Atom entry; true when it consumed the element's end tag. */
    private boolean atomField(Draft d, String n) throws XMLStreamException, FeedFormatException {
        switch (n) {
            case "id" -> d.guid = d.guid == null ? text() : skip(d.guid);
            case "title" -> d.title = d.title == null ? atomTitle() : skip(d.title);
            case "content" -> d.encoded = d.encoded == null ? atomNotes() : skip(d.encoded);
            case "summary" -> {
                if (d.description != null) return skipped();
                d.description = atomNotes();
                d.descriptionTyped = true;
            }
            case "author", "source" -> skipElement();
            case "link" -> {
                atomLink(d);
                return false;
            }
            default -> {
                // The RSS-side vocabulary (itunes, podcast, media, dc) means the same inside an entry.
                return !n.equals("guid") && !n.equals("description") && !n.equals("enclosure") && rssField(d, n);
            }
        }
        return true;
    }

    /** An Atom text construct as read: its type and mode (lower case), and its text with base64 decoded. */
    private record AtomText(String type, String mode, String raw) {
        boolean markup() {
            return isHtml(type) || isXhtml(type);
        }
    }

    private AtomText atomText() throws XMLStreamException, FeedFormatException {
        String type = lower(attr("type"));
        String mode = lower(attr("mode"));
        String raw = text();
        return new AtomText(type, mode, "base64".equals(mode) ? base64(raw) : raw);
    }

    /** An Atom text construct as plain text: type "html" and "xhtml" (and Atom 0.3 mode="escaped") decoded. */
    private String atomTitle() throws XMLStreamException, FeedFormatException {
        AtomText t = atomText();
        if (t.markup()) return FeedText.htmlToText(t.raw());
        if ("escaped".equals(t.mode())) {
            return "text/plain".equals(t.type()) ? HtmlText.decodeEntities(t.raw()) : FeedText.htmlToText(t.raw());
        }
        return t.raw();
    }

    /** An Atom text construct as show-notes HTML: text escaped, HTML and XHTML kept, unknown sniffed. */
    private String atomNotes() throws XMLStreamException, FeedFormatException {
        AtomText t = atomText();
        if (t.markup() || "escaped".equals(t.mode())) return t.raw();
        if ("text".equals(t.type()) || "text/plain".equals(t.type())) return HtmlEscape.text(t.raw());
        return FeedText.notes(t.raw());
    }

    private static boolean isHtml(String type) {
        return type != null && (type.equals("html") || type.equals("text/html"));
    }

    private static boolean isXhtml(String type) {
        return type != null && (type.equals("xhtml") || type.equals("application/xhtml+xml"));
    }

    private static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }

    private static String base64(String text) {
        try {
            return new String(Base64.getMimeDecoder().decode(text.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** Atom elements are matched with or without an "atom:" prefix. */
    static String atomLocal(String qname) {
        return qname.startsWith("atom:") ? qname.substring(5) : qname;
    }

    private void transcript(List<TranscriptLink> into) {
        String url = absolute(attr("url"));
        if (url != null) {
            into.add(new TranscriptLink(url, FeedParser.clean(attr("type")), FeedParser.clean(attr("language")),
                    FeedParser.clean(attr("rel"))));
        }
    }

    private void person(List<Person> into) throws XMLStreamException, FeedFormatException {
        String role = FeedParser.clean(attr("role"));
        String href = absolute(attr("href"));
        String personName = FeedParser.title(text());
        if (personName != null) {
            into.add(new Person(personName, role == null ? "host" : role.toLowerCase(Locale.ROOT), href));
        }
    }

    /** The base for the current element: its xml:base resolved against the enclosing one. */
    private URI rebase(URI outer) {
        String xmlBase = FeedParser.clean(attr("xml:base"));
        if (xmlBase == null) return outer;
        try {
            URI b = new URI(xmlBase.replace(" ", "%20"));
            return outer == null ? b : outer.resolve(b);
        } catch (Exception e) {
            return outer;
        }
    }

    private int next() throws XMLStreamException, FeedFormatException {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
            name = ns.start(r);
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
            ns.end();
        } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new FeedFormatException("feed uses an undeclared entity &" + r.getLocalName() + ";");
        }
        return ev;
    }

    /** The text content of the current element, nested markup flattened; leaves the reader on its end. */
    private String text() throws XMLStreamException, FeedFormatException {
        int ev = next();
        String first = null;
        if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE) {
            first = r.getText();
            ev = next();
        }
        if (ev == XMLStreamConstants.END_ELEMENT) return first == null ? "" : first; // the common case
        StringBuilder sb = new StringBuilder();
        if (first != null) sb.append(first);
        int depth = 1;
        while (true) {
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    // Inline XHTML (Atom type="xhtml"): keep the tags so show notes keep their structure.
                    sb.append('<').append(unprefixed(r.getLocalName())).append('>');
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth > 0) sb.append("</").append(unprefixed(r.getLocalName())).append('>');
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        sb.append(r.getText());
                default -> { }
            }
            if (depth == 0 || !r.hasNext()) break;
            ev = next();
        }
        return sb.toString();
    }

    private static String unprefixed(String qname) {
        return qname.substring(qname.indexOf(':') + 1);
    }

    private boolean skipped() throws XMLStreamException, FeedFormatException {
        skipElement();
        return true;
    }

    private String skip(String keep) throws XMLStreamException, FeedFormatException {
        skipElement();
        return keep;
    }

    private void skipElement() throws XMLStreamException, FeedFormatException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = next();
            if (ev == XMLStreamConstants.START_ELEMENT) depth++;
            else if (ev == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }

    private String attr(String attrName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String qn = r.getAttributePrefix(i);
            String n = qn == null || qn.isEmpty() ? r.getAttributeLocalName(i) : qn + ":" + r.getAttributeLocalName(i);
            if (n.equals(attrName)) return r.getAttributeValue(i);
        }
        return null;
    }

    private String absolute(String url) {
        String u = url == null ? null : FeedText.token(url).strip();
        // a cut URL would point somewhere else; one this long is no link anyone meant
        if (u == null || u.isEmpty() || u.length() > FeedParser.MAX_FIELD_CHARS) return null;
        try {
            URI parsed = new URI(u.replace(" ", "%20"));
            return base == null ? parsed.toString() : base.resolve(parsed).toString();
        } catch (Exception e) {
            return null;
        }
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null && !(v instanceof String s && s.isBlank())) return v;
        }
        return null;
    }

    private static Boolean locked(String text) {
        String t = FeedParser.clean(text);
        if (t == null) return null;
        return t.equalsIgnoreCase("yes") || t.equalsIgnoreCase("true");
    }

    private static Long length(String text) {
        String t = FeedParser.clean(text);
        if (t == null) return null;
        try {
            long v = Long.parseLong(t);
            return v > 0 ? v : null; // "0" is what feeds write when they do not know
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String text) {
        String t = FeedParser.clean(text);
        if (t == null) return null;
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            try {
                double v = Double.parseDouble(t);
                return v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE ? (int) v : null;
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }
}
