package com.podcastinsights.feed;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads RSS 2.0 and Atom podcast feeds with StAX, one pass, items handed over as they are read.
 *
 * <p>DTDs and external entities are off, and a document that declares a DOCTYPE with an internal subset is
 * refused outright: a feed never needs one, and that is where XXE and entity-expansion attacks live.
 * The reader is not namespace aware and elements are matched by qualified name ("itunes:summary"), so a
 * feed that uses a prefix without declaring it, which is common, still parses, and the many spellings of
 * the podcast namespace URI do not matter. Bytes go through {@link FeedInput}, which picks the encoding
 * and repairs what real feeds break (undefined entities, bare ampersands, unclosed CDATA).
 */
public final class FeedParser {
    /** Show notes are kept in the table item; cap them well under DynamoDB's 400 KB item limit. */
    static final int MAX_SHOW_NOTES_CHARS = 50_000;
    /**
     * Titles travel in the Episode Discovered event (256 KB per EventBridge entry) and the table item (400 KB):
     * a hostile megabyte-long title must be cut here, or it would fail every write and publish of its feed.
     */
    static final int MAX_TITLE_CHARS = 1_000;
    /** Every other single-value field (URLs, guid, language, types); no honest feed comes near it. */
    static final int MAX_FIELD_CHARS = 8_192;
    /** Elements nested deeper than this make the document malformed; real feeds stay under ten. */
    static final int MAX_ELEMENT_DEPTH = 100;
    /** Real feeds run to 1-8 MB; the HTTP client caps downloads at 16 MB. Files get the same room. */
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;

    private static final XMLInputFactory FACTORY = newFactory();

    private final long maxBytes;

    public FeedParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public FeedParser(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        // JDK 24+ counts every &amp; of the document against entity size limits of 100,000, which a large,
        // honest feed passes. Those limits guard entity declarations, and no document with one gets this far.
        for (String limit : new String[] {"jdk.xml.maxGeneralEntitySizeLimit", "jdk.xml.totalEntitySizeLimit"}) {
            setIfSupported(f, limit, "0");
        }
        // JDK 24+ stops at 100 nested elements by default, JDK 21 (the Lambda runtime) never does; a feed needs
        // a handful, so both refuse a deeply nested document the same way.
        setIfSupported(f, "jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
        return f;
    }

    private static void setIfSupported(XMLInputFactory f, String property, String value) {
        try {
            f.setProperty(property, value);
        } catch (IllegalArgumentException unsupported) {
            // an older or different StAX implementation without the limit
        }
    }

    /** Parses {@code xml}; relative URLs are resolved against {@code base} (the feed's final URL). */
    public ParsedFeed parse(byte[] xml, URI base) throws FeedFormatException {
        return parse(xml, null, base);
    }

    /** As {@link #parse(byte[], URI)}, with the HTTP Content-Type, whose charset beats the document's own. */
    public ParsedFeed parse(byte[] xml, String contentType, URI base) throws FeedFormatException {
        List<FeedItem> items = new ArrayList<>();
        Map<String, Integer> byGuid = new HashMap<>();
        Map<String, Integer> byEnclosureAndTitle = new HashMap<>();
        ParsedFeed head = stream(new ByteArrayInputStream(xml), contentType, base, item -> {
            Integer at = item.guid() != null ? byGuid.get(item.guid()) : null;
            if (at == null && item.enclosureUrl() != null) {
                at = byEnclosureAndTitle.get(item.enclosureUrl() + "\n" + item.title());
            }
            if (at != null) {
                items.set(at, items.get(at).mergedWith(item));
                return;
            }
            if (item.guid() != null) byGuid.put(item.guid(), items.size());
            if (item.enclosureUrl() != null) byEnclosureAndTitle.put(item.enclosureUrl() + "\n" + item.title(), items.size());
            items.add(item);
        });
        return head.withItems(items);
    }

    /**
     * Streams {@code in} to {@code sink}, one item at a time, so a feed of any length parses in little
     * memory; a duplicate of an item already handed over (same guid, or same enclosure and title) is
     * dropped. Returns the channel's fields with no items.
     */
    public ParsedFeed parse(InputStream in, String contentType, URI base, Consumer<FeedItem> sink)
            throws FeedFormatException {
        Set<String> seen = new HashSet<>();
        Consumer<FeedItem> distinct = item -> {
            boolean sameGuid = item.guid() != null && !seen.add("g\n" + item.guid());
            boolean samePair = item.enclosureUrl() != null && !seen.add("e\n" + item.enclosureUrl() + "\n" + item.title());
            if (!sameGuid && !samePair) sink.accept(item);
        };
        return stream(in, contentType, base, distinct);
    }

    private ParsedFeed stream(InputStream in, String contentType, URI base, Consumer<FeedItem> sink)
            throws FeedFormatException {
        XMLStreamReader r = null;
        try (Reader chars = FeedInput.reader(in, contentType, maxBytes)) {
            r = FACTORY.createXMLStreamReader(chars);
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    refuseDtd(r.getText());
                } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new FeedFormatException("feed uses an undeclared entity &" + r.getLocalName() + ";");
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    String root = local(name(r));
                    Reading reading = new Reading(r, base, sink);
                    return switch (root) {
                        case "rss", "rdf:RDF", "RDF" -> reading.rss();
                        case "feed" -> reading.atom();
                        default -> throw new FeedFormatException("not a feed: root element is <" + name(r) + ">");
                    };
                }
            }
            throw new FeedFormatException("empty document");
        } catch (XMLStreamException e) {
            FeedInput.TooLarge tooLarge = cause(e, FeedInput.TooLarge.class);
            if (tooLarge != null) throw new FeedTooLargeException(tooLarge.max);
            XmlRepairReader.DoctypeRefused doctype = cause(e, XmlRepairReader.DoctypeRefused.class);
            if (doctype != null) throw new FeedFormatException(doctype.getMessage());
            if (String.valueOf(e.getMessage()).contains("maxElementDepth")) {
                throw new FeedFormatException("feed nests elements deeper than " + MAX_ELEMENT_DEPTH + "; refused", e);
            }
            throw new FeedFormatException("malformed feed XML: " + e.getMessage(), e);
        } catch (FeedInput.TooLarge e) {
            throw new FeedTooLargeException(e.max);
        } catch (XmlRepairReader.DoctypeRefused e) {
            throw new FeedFormatException(e.getMessage());
        } catch (IOException e) {
            throw new FeedFormatException("could not read the feed: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing useful to do
                }
            }
        }
    }

    /** The reader's own failures reach us wrapped by the XML parser. */
    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t instanceof XMLStreamException x && type.isInstance(x.getNestedException())) {
                return type.cast(x.getNestedException());
            }
        }
        return null;
    }

    private static void refuseDtd(String doctype) throws FeedFormatException {
        if (doctype != null && (doctype.contains("[") || doctype.contains("]"))) {
            throw new FeedFormatException("feed declares a DOCTYPE with an internal subset; refused");
        }
    }

    static String name(XMLStreamReader r) {
        String prefix = r.getPrefix();
        String local = r.getLocalName();
        return prefix == null || prefix.isEmpty() || local.contains(":") ? local : prefix + ":" + local;
    }

    /** Atom elements are matched with or without an "atom:" prefix. */
    private static String local(String qname) {
        return qname.startsWith("atom:") ? qname.substring(5) : qname;
    }

    /** The channel-level fields, filled as they are met. */
    private static final class Head {
        String title, link, language, description, summary, newFeedUrl, podcastGuid;
        Boolean locked;
        final List<Person> persons = new ArrayList<>();

        ParsedFeed toFeed() {
            return new ParsedFeed(title(title), link, clean(language),
                    capped(description != null ? description : summary, MAX_SHOW_NOTES_CHARS),
                    newFeedUrl, clean(podcastGuid), locked, persons, List.of());
        }
    }

    /** One item's fields while it is being read. */
    private static final class Draft {
        String guid, title, link, date, enclosure, enclosureType, encoded, description, summary, duration;
        String season, episode, chapters, mediaUrl, mediaType;
        Long enclosureLength, mediaLength;
        final List<TranscriptLink> transcripts = new ArrayList<>();
        final List<Person> persons = new ArrayList<>();
    }

    /** One pass over one document; holds the reader and the base URLs. */
    private static final class Reading {
        private final XMLStreamReader r;
        private final Consumer<FeedItem> sink;
        private URI base;

        Reading(XMLStreamReader r, URI base, Consumer<FeedItem> sink) {
            this.r = r;
            this.base = base;
            this.sink = sink;
        }

        ParsedFeed rss() throws XMLStreamException, FeedFormatException {
            Head head = new Head();
            base = rebase(base);
            URI channelBase = base;
            int depth = 1;
            int channelDepth = -1;
            while (r.hasNext() && depth > 0) {
                int ev = next();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    continue;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) continue;
                String n = name(r);
                if (n.equals("item")) {
                    base = rebase(channelBase);
                    sink.accept(rssItem());
                    base = channelBase;
                    continue;
                }
                depth++;
                if (n.equals("channel")) {
                    channelDepth = depth;
                    channelBase = base = rebase(base);
                } else if (depth == channelDepth + 1 || channelDepth < 0) {
                    if (channelField(head, n)) depth--;
                }
            }
            return head.toFeed();
        }

        /** Reads a channel-level element; true when it consumed the element's end tag. */
        private boolean channelField(Head head, String n) throws XMLStreamException, FeedFormatException {
            switch (n) {
                case "title" -> head.title = head.title == null ? text() : skip(head.title);
                case "link" -> {
                    String t = clean(text());
                    if (head.link == null && t != null) head.link = absolute(t);
                }
                case "language", "dc:language" -> head.language = head.language == null ? text() : skip(head.language);
                case "description" -> head.description = text();
                case "itunes:summary" -> head.summary = text();
                case "itunes:new-feed-url" -> head.newFeedUrl = absolute(text());
                case "podcast:guid" -> head.podcastGuid = text();
                case "podcast:locked" -> head.locked = locked(text());
                case "podcast:person" -> person(head.persons);
                default -> {
                    return false;
                }
            }
            return true;
        }

        private FeedItem rssItem() throws XMLStreamException, FeedFormatException {
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
                boolean consumed = true;
                switch (name(r)) {
                    case "guid" -> d.guid = text();
                    case "title" -> d.title = d.title == null ? text() : skip(d.title);
                    case "link" -> d.link = d.link == null ? text() : skip(d.link);
                    case "pubDate", "dc:date" -> d.date = d.date == null ? text() : skip(d.date);
                    case "enclosure" -> {
                        if (d.enclosure == null) {
                            d.enclosure = attr("url");
                            d.enclosureType = attr("type");
                            d.enclosureLength = length(attr("length"));
                        }
                        consumed = false;
                    }
                    case "media:content" -> {
                        if (d.mediaUrl == null) {
                            d.mediaUrl = attr("url");
                            d.mediaType = attr("type");
                            d.mediaLength = length(attr("fileSize"));
                        }
                        consumed = false;
                    }
                    case "content:encoded" -> d.encoded = text();
                    case "description" -> d.description = text();
                    case "itunes:summary" -> d.summary = text();
                    case "itunes:duration" -> d.duration = text();
                    case "itunes:season", "podcast:season" -> d.season = d.season == null ? text() : skip(d.season);
                    case "itunes:episode", "podcast:episode" -> d.episode = d.episode == null ? text() : skip(d.episode);
                    case "podcast:transcript" -> {
                        transcript(d.transcripts);
                        consumed = false;
                    }
                    case "podcast:chapters" -> {
                        if (d.chapters == null) d.chapters = attr("url");
                        consumed = false;
                    }
                    case "podcast:person" -> person(d.persons);
                    default -> consumed = false;
                }
                if (consumed) depth--;
            }
            return item(d);
        }

        private FeedItem item(Draft d) {
            String enclosure = absolute(d.enclosure);
            String type = clean(d.enclosureType);
            Long length = d.enclosureLength;
            if (enclosure == null && d.mediaUrl != null) {
                // media:content stands in for a missing enclosure (video and YouTube-style feeds).
                enclosure = absolute(d.mediaUrl);
                type = clean(d.mediaType);
                length = d.mediaLength;
            }
            return new FeedItem(clean(d.guid), title(d.title), absolute(d.link), FeedDates.toIso(d.date), enclosure,
                    length, type, Durations.seconds(d.duration), integer(d.season), integer(d.episode),
                    absolute(d.chapters), d.transcripts, d.persons, notes(d.encoded, d.description, d.summary));
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
                String n = local(name(r));
                depth++;
                if (n.equals("entry")) {
                    base = rebase(feedBase);
                    sink.accept(atomEntry());
                    base = feedBase;
                    depth--;
                } else if (depth == 2) {
                    boolean consumed = true;
                    switch (n) {
                        case "title" -> head.title = head.title == null ? text() : skip(head.title);
                        case "subtitle" -> head.description = text();
                        case "link" -> {
                            String rel = attr("rel");
                            if ((rel == null || rel.equals("alternate")) && head.link == null) head.link = absolute(attr("href"));
                            consumed = false;
                        }
                        case "author", "source" -> skipElement();
                        default -> consumed = n.startsWith("itunes:") || n.startsWith("podcast:")
                                ? channelField(head, n) : false;
                    }
                    if (consumed) depth--;
                }
            }
            return head.toFeed();
        }

        private FeedItem atomEntry() throws XMLStreamException, FeedFormatException {
            Draft d = new Draft();
            String published = null, updated = null, content = null;
            int depth = 1;
            while (r.hasNext()) {
                int ev = next();
                if (ev == XMLStreamConstants.END_ELEMENT) {
                    if (--depth == 0) break;
                    continue;
                }
                if (ev != XMLStreamConstants.START_ELEMENT) continue;
                depth++;
                boolean consumed = true;
                switch (local(name(r))) {
                    case "id" -> d.guid = text();
                    case "title" -> d.title = text();
                    case "published" -> published = text();
                    case "updated" -> updated = text();
                    case "content" -> content = text();
                    case "summary" -> d.description = text();
                    case "itunes:summary" -> d.summary = text();
                    case "itunes:duration" -> d.duration = text();
                    case "itunes:season", "podcast:season" -> d.season = text();
                    case "itunes:episode", "podcast:episode" -> d.episode = text();
                    case "podcast:person" -> person(d.persons);
                    case "author", "source" -> skipElement();
                    case "podcast:transcript" -> {
                        transcript(d.transcripts);
                        consumed = false;
                    }
                    case "podcast:chapters" -> {
                        if (d.chapters == null) d.chapters = attr("url");
                        consumed = false;
                    }
                    case "media:content" -> {
                        if (d.mediaUrl == null) {
                            d.mediaUrl = attr("url");
                            d.mediaType = attr("type");
                            d.mediaLength = length(attr("fileSize"));
                        }
                        consumed = false;
                    }
                    case "link" -> {
                        String rel = attr("rel");
                        String href = attr("href");
                        if ("enclosure".equals(rel)) {
                            if (d.enclosure == null) {
                                d.enclosure = href;
                                d.enclosureType = attr("type");
                                d.enclosureLength = length(attr("length"));
                            }
                        } else if ((rel == null || rel.equals("alternate")) && d.link == null) {
                            d.link = href;
                        }
                        consumed = false;
                    }
                    default -> consumed = false;
                }
                if (consumed) depth--;
            }
            d.date = published != null ? published : updated;
            d.encoded = content;
            return item(d);
        }

        private void transcript(List<TranscriptLink> into) {
            String url = absolute(attr("url"));
            if (url != null) {
                into.add(new TranscriptLink(url, clean(attr("type")), clean(attr("language")), clean(attr("rel"))));
            }
        }

        private void person(List<Person> into) throws XMLStreamException, FeedFormatException {
            String role = clean(attr("role"));
            String href = absolute(attr("href"));
            String name = clean(text());
            if (name != null) into.add(new Person(name, role == null ? "host" : role.toLowerCase(Locale.ROOT), href));
        }

        /** The base for the current element: its xml:base resolved against the enclosing one. */
        private URI rebase(URI outer) {
            String xmlBase = clean(attr("xml:base"));
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
            if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
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
                        sb.append('<').append(r.getLocalName()).append('>');
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        depth--;
                        if (depth > 0) sb.append("</").append(r.getLocalName()).append('>');
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

        private String attr(String name) {
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String qn = r.getAttributePrefix(i);
                String n = qn == null || qn.isEmpty() ? r.getAttributeLocalName(i) : qn + ":" + r.getAttributeLocalName(i);
                if (n.equals(name)) return r.getAttributeValue(i);
            }
            return null;
        }

        private String absolute(String url) {
            String u = url == null ? null : url.strip();
            // a cut URL would point somewhere else; one this long is no link anyone meant
            if (u == null || u.isEmpty() || u.length() > MAX_FIELD_CHARS) return null;
            try {
                URI parsed = new URI(u.replace(" ", "%20"));
                return base == null ? parsed.toString() : base.resolve(parsed).toString();
            } catch (Exception e) {
                return null;
            }
        }
    }

    private static Boolean locked(String text) {
        String t = clean(text);
        if (t == null) return null;
        return t.equalsIgnoreCase("yes") || t.equalsIgnoreCase("true");
    }

    private static Long length(String text) {
        String t = clean(text);
        if (t == null) return null;
        try {
            long v = Long.parseLong(t);
            return v > 0 ? v : null; // "0" is what feeds write when they do not know
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(String text) {
        String t = clean(text);
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

    private static String notes(String... candidates) {
        for (String c : candidates) {
            String v = c == null || c.isBlank() ? null : c.strip();
            if (v != null) {
                return v.length() > MAX_SHOW_NOTES_CHARS ? v.substring(0, MAX_SHOW_NOTES_CHARS) : v;
            }
        }
        return null;
    }

    private static String clean(String s) {
        return capped(s, MAX_FIELD_CHARS);
    }

    private static String title(String s) {
        return capped(s, MAX_TITLE_CHARS);
    }

    private static String capped(String s, int max) {
        if (s == null) return null;
        String t = s.strip();
        if (t.isEmpty()) return null;
        if (t.length() <= max) return t;
        int end = Character.isHighSurrogate(t.charAt(max - 1)) ? max - 1 : max;
        return t.substring(0, end);
    }
}
