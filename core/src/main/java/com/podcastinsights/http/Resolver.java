package com.podcastinsights.http;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Turns a host name into addresses for the SSRF check. The system resolver in production; tests substitute
 * names so that a redirect to "a private host" can be exercised without a real private network.
 */
@FunctionalInterface
public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;

    static Resolver system() {
        return InetAddress::getAllByName;
    }
}
