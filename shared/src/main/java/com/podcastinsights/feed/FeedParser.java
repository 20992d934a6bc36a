package com.podcastinsights.feed;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads RSS 2.0 and Atom podcast feeds with StAX.
 *
 * <p>DTDs and external entities are off, and a document that declares a DOCTYPE with an internal subset is
 * refused outright: a feed never needs one, and that is where XXE and entity-expansion attacks live.
 * The reader is not namespace aware and elements are matched by qualified name ("itunes:summary"), so a
 * feed that uses a prefix without declaring it, which is common, still parses.
 */
public final class FeedParser {
    /** Show notes are kept in the table item; cap them well under DynamoDB's 400 KB item limit. */
    static final int MAX_SHOW_NOTES_CHARS = 50_000;

    private static final XMLInputFactory FACTORY = newFactory();

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** Parses {@code xml}; relative URLs are resolved against {@code base} (the feed's URL). */
    public ParsedFeed parse(byte[] xml, URI base) throws FeedFormatException {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    refuseDtd(r.getText());
                } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new FeedFormatException("feed uses an undeclared entity &" + r.getLocalName() + ";");
                } else if (ev == XMLStreamConstants.START_ELEMENT) {
                    String root = local(name(r));
                    return switch (root) {
                        case "rss", "rdf:RDF", "RDF" -> new Reading(r, base).rss();
                        case "feed" -> new Reading(r, base).atom();
                        default -> throw new FeedFormatException("not a feed: root element is <" + name(r) + ">");
                    };
                }
            }
            throw new FeedFormatException("empty document");
        } catch (XMLStreamException e) {
            throw new FeedFormatException("malformed feed XML: " + e.getMessage(), e);
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

    private static void refuseDtd(String doctype) throws FeedFormatException {
        if (doctype != null && doctype.contains("[")) {
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

    /** One pass over one document; holds the reader and the base URL. */
    private static final class Reading {
        private final XMLStreamReader r;
        private final URI base;

        Reading(XMLStreamReader r, URI base) {
            this.r = r;
            this.base = base;
        }

        ParsedFeed rss() throws XMLStreamException, FeedFormatException {
            String title = null;
            List<FeedItem> items = new ArrayList<>();
            Deque<String> open = new ArrayDeque<>();
            open.push(name(r));
            while (r.hasNext() && !open.isEmpty()) {
                int ev = next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String n = name(r);
                    if (n.equals("item")) {
                        items.add(rssItem());
                    } else if (n.equals("title") && "channel".equals(open.peek()) && title == null) {
                        title = text();
                    } else {
                        open.push(n);
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    open.pop();
                }
            }
            return new ParsedFeed(clean(title), items);
        }

        private FeedItem rssItem() throws XMLStreamException, FeedFormatException {
            String guid = null, title = null, link = null, date = null, enclosure = null;
            String encoded = null, description = null, summary = null;
            List<TranscriptLink> transcripts = new ArrayList<>();
            while (r.hasNext()) {
                int ev = next();
                if (ev == XMLStreamConstants.END_ELEMENT && name(r).equals("item")) break;
                if (ev != XMLStreamConstants.START_ELEMENT) continue;
                switch (name(r)) {
                    case "guid" -> guid = text();
                    case "title" -> title = title == null ? text() : skip(title);
                    case "link" -> link = link == null ? text() : skip(link);
                    case "pubDate", "dc:date" -> date = date == null ? text() : skip(date);
                    case "enclosure" -> enclosure = enclosure == null ? attr("url") : enclosure;
                    case "content:encoded" -> encoded = text();
                    case "description" -> description = text();
                    case "itunes:summary" -> summary = text();
                    case "podcast:transcript" -> transcript(transcripts);
                    default -> { }
                }
            }
            return new FeedItem(clean(guid), clean(title), absolute(link), FeedDates.toIso(date),
                    absolute(enclosure), transcripts, notes(encoded, description, summary));
        }

        ParsedFeed atom() throws XMLStreamException, FeedFormatException {
            String title = null;
            List<FeedItem> items = new ArrayList<>();
            while (r.hasNext()) {
                int ev = next();
                if (ev == XMLStreamConstants.END_ELEMENT && local(name(r)).equals("feed")) break;
                if (ev != XMLStreamConstants.START_ELEMENT) continue;
                String n = local(name(r));
                if (n.equals("entry")) {
                    items.add(atomEntry());
                } else if (n.equals("title") && title == null) {
                    title = text();
                } else if (n.equals("author") || n.equals("source")) {
                    skipElement();
                }
            }
            return new ParsedFeed(clean(title), items);
        }

        private FeedItem atomEntry() throws XMLStreamException, FeedFormatException {
            String id = null, title = null, link = null, published = null, updated = null, enclosure = null;
            String content = null, summary = null, itunesSummary = null;
            List<TranscriptLink> transcripts = new ArrayList<>();
            while (r.hasNext()) {
                int ev = next();
                if (ev == XMLStreamConstants.END_ELEMENT && local(name(r)).equals("entry")) break;
                if (ev != XMLStreamConstants.START_ELEMENT) continue;
                String qn = name(r);
                switch (local(qn)) {
                    case "id" -> id = text();
                    case "title" -> title = text();
                    case "published" -> published = text();
                    case "updated" -> updated = text();
                    case "content" -> content = text();
                    case "summary" -> summary = text();
                    case "itunes:summary" -> itunesSummary = text();
                    case "podcast:transcript" -> transcript(transcripts);
                    case "author", "source" -> skipElement();
                    case "link" -> {
                        String rel = attr("rel");
                        String href = attr("href");
                        if ("enclosure".equals(rel)) {
                            if (enclosure == null) enclosure = href;
                        } else if ((rel == null || rel.equals("alternate")) && link == null) {
                            link = href;
                        }
                    }
                    default -> { }
                }
            }
            String date = FeedDates.toIso(published != null ? published : updated);
            return new FeedItem(clean(id), clean(title), absolute(link), date, absolute(enclosure), transcripts,
                    notes(content, summary, itunesSummary));
        }

        private void transcript(List<TranscriptLink> into) {
            String url = absolute(attr("url"));
            if (url != null) {
                into.add(new TranscriptLink(url, clean(attr("type")), clean(attr("language")), clean(attr("rel"))));
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
            StringBuilder sb = new StringBuilder();
            int depth = 1;
            while (depth > 0 && r.hasNext()) {
                int ev = next();
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
            }
            return sb.toString();
        }

        private String skip(String keep) throws XMLStreamException, FeedFormatException {
            skipElement();
            return keep;
        }

        private void skipElement() throws XMLStreamException, FeedFormatException {
            text();
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
            String u = clean(url);
            if (u == null) return null;
            try {
                URI parsed = new URI(u.replace(" ", "%20"));
                return base == null ? parsed.toString() : base.resolve(parsed).toString();
            } catch (Exception e) {
                return null;
            }
        }
    }

    private static String notes(String... candidates) {
        for (String c : candidates) {
            String v = clean(c);
            if (v != null) {
                return v.length() > MAX_SHOW_NOTES_CHARS ? v.substring(0, MAX_SHOW_NOTES_CHARS) : v;
            }
        }
        return null;
    }

    private static String clean(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

}
