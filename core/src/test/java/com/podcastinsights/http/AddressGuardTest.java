package com.podcastinsights.http;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class AddressGuardTest {
    private final AddressGuard production = new AddressGuard(false, Resolver.system());
    private final AddressGuard local = new AddressGuard(true, Resolver.system());

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // literals only: no DNS lookup
    }

    @Test
    void publicAddressesAreAllowed() throws UnknownHostException {
        assertNull(production.forbidden(ip("93.184.215.14")));
        assertNull(production.forbidden(ip("2606:4700::6810:85e5")));
        assertNull(production.forbidden(ip("100.128.0.1")));
        assertNull(production.forbidden(ip("172.32.0.1")));
    }

    @Test
    void internalAddressesAreRefused() throws UnknownHostException {
        for (String s : new String[] {"127.0.0.1", "127.1.2.3", "10.1.2.3", "172.31.255.255", "192.168.0.1",
                "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.1", "255.255.255.255",
                "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:169.254.169.254",
                "::10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:a00:1::1", "fd00:ec2::254"}) {
            assertNotNull(production.forbidden(ip(s)), s);
        }
    }

    @Test
    void localModeAllowsLoopbackOnly() throws UnknownHostException {
        assertNull(local.forbidden(ip("127.0.0.1")));
        assertNull(local.forbidden(ip("::1")));
        assertEquals("a private address", local.forbidden(ip("10.0.0.1")));
        assertEquals("a link-local address", local.forbidden(ip("169.254.169.254")));
    }
}
