package com.podcastinsights.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether a URI may be fetched: scheme, host syntax and every address the host resolves to.
 * Called for the first request and again for each redirect target, because a public server can redirect
 * to an internal one.
 */
public final class AddressGuard {
    private final boolean allowLoopback;
    private final Resolver resolver;

    public AddressGuard(boolean allowLoopback, Resolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = resolver;
    }

    public void check(URI uri) throws RefusedRequestException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedRequestException("refused " + uri + ": only http and https are allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            // java.net.URI leaves the host empty for authorities such as "0x7f.1" that are no valid host name
            String authority = uri.getRawAuthority();
            throw new RefusedRequestException("refused " + uri + ": "
                    + (authority == null ? "no host" : "no valid host name in \"" + authority + "\""));
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedRequestException("refused " + uri + ": credentials in URLs are not allowed");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        // Forms like 2130706433, 0x7f.1 or 017.0.0.1 are read differently by different resolvers; a
        // feed has no reason to use them, so refuse rather than guess which address they mean.
        if (!host.contains(":") && looksNumeric(host) && !isDottedQuad(host)) {
            throw new RefusedRequestException("refused " + uri + ": ambiguous numeric host " + host);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedRequestException("refused " + uri + ": cannot resolve " + host);
        }
        if (addresses.length == 0) {
            throw new RefusedRequestException("refused " + uri + ": cannot resolve " + host);
        }
        for (InetAddress a : addresses) {
            String why = forbidden(a);
            if (why != null) {
                throw new RefusedRequestException("refused " + uri + ": " + host + " is " + why + " ("
                        + a.getHostAddress() + ")");
            }
        }
    }

    /** Why the address may not be contacted, or null when it may. */
    String forbidden(InetAddress a) {
        InetAddress embedded = embeddedIpv4(a);
        if (embedded != null) {
            return forbidden(embedded);
        }
        if (a.isLoopbackAddress()) {
            return allowLoopback ? null : "a loopback address";
        }
        if (a.isAnyLocalAddress()) return "the unspecified address";
        if (a.isLinkLocalAddress()) return "a link-local address";
        if (a.isSiteLocalAddress()) return "a private address";
        if (a.isMulticastAddress()) return "a multicast address";
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) return "in 0.0.0.0/8";
            if (first == 100 && second >= 64 && second <= 127) return "a carrier-grade NAT address";
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) return "an IETF protocol address";
            if (first == 198 && (second == 18 || second == 19)) return "a benchmarking address";
            if (first >= 240) return "a reserved address";
        } else if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return "a unique local address";
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) return "a link-local address";
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) return "a site-local address";
        }
        return null;
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 or 6to4 IPv6 address, if any. */
    private static InetAddress embeddedIpv4(InetAddress a) {
        if (!(a instanceof Inet6Address)) return null;
        byte[] b = a.getAddress();
        boolean zeroPrefix = true;
        for (int i = 0; i < 10; i++) zeroPrefix &= b[i] == 0;
        boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0
                && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1));
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b;
        if (mapped || compatible || nat64) {
            return v4(b[12], b[13], b[14], b[15]);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return v4(b[2], b[3], b[4], b[5]);
        }
        return null;
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean looksNumeric(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        for (String part : h.split("\\.", -1)) {
            if (part.isEmpty()) return false;
            if (!part.matches("0x[0-9a-f]*|[0-9]+")) return false;
        }
        return true;
    }

    private static boolean isDottedQuad(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (!p.matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(p) > 255) return false;
        }
        return true;
    }
}
