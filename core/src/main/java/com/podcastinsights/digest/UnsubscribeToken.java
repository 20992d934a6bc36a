package com.podcastinsights.digest;

import com.podcastinsights.ids.Sha256;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The unsubscribe link's credential. A mail provider's one-click POST carries no login, so the token alone must
 * prove the link came from us, for this address and this subscription.
 *
 * <p>{@code v2.<keyId>.<base64url(nonce | AES-256-GCM(generation ":" address))>}: the address is encrypted, so a
 * forwarded link or a log line does not show it; GCM's tag means that without the key nobody can make or alter a
 * token. The key id says which key of {@link UnsubscribeKeys} made it, so a rotation keeps old links working until
 * the old key's grace ends. The generation is the subscription's ({@link SubscriberRepository}): a reader who
 * unsubscribes and subscribes again gets a new one, and the old links stop working. The nonce is an HMAC of the
 * plaintext (a synthetic IV): the same reader's token is the same every day, and two different plaintexts never
 * share a nonce under one key.
 *
 * <p>{@code v1.<base64url(address)>.<base64url(HMAC)>} tokens, from digests sent before v2, are still accepted under
 * any accepted key, but only for a subscription that has not been renewed since (generation 0).
 */
public final class UnsubscribeToken {
    static final int MIN_KEY_BYTES = 32;
    /** Far above any real token; a cap so a hostile request cannot make us decode megabytes. */
    static final int MAX_TOKEN_CHARS = 600;
    private static final int NONCE = 12, TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private final UnsubscribeKeys keys;

    /** What a valid token says. */
    public record Claim(String email, long generation, String keyId) {
    }

    public UnsubscribeToken(UnsubscribeKeys keys) {
        this.keys = keys;
    }

    /** One key that never expires (local runs, tests). */
    public UnsubscribeToken(byte[] key) {
        this(UnsubscribeKeys.single(key));
    }

    /** A fresh random key, for local runs and tests where no link has to outlive the process. */
    public static byte[] randomKey() {
        byte[] k = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return k;
    }

    public UnsubscribeKeys keys() {
        return keys;
    }

    public String issue(String email, long generation) {
        if (generation < 0) throw new IllegalArgumentException("generation must be >= 0");
        String e = SubscriberRepository.normalize(email);
        UnsubscribeKeys.Key k = keys.current();
        byte[] plain = (generation + ":" + e).getBytes(StandardCharsets.UTF_8);
        byte[] nonce = Arrays.copyOf(Sha256.hmac(derive(k, "nonce"), plain), NONCE);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, k, nonce, plain, 0, plain.length);
        byte[] body = new byte[NONCE + sealed.length];
        System.arraycopy(nonce, 0, body, 0, NONCE);
        System.arraycopy(sealed, 0, body, NONCE, sealed.length);
        return "v2." + k.id() + "." + B64.encodeToString(body);
    }

    /** The token of a subscription that was never renewed. */
    public String issue(String email) {
        return issue(email, 0);
    }

    /** What the token says, or empty when it is malformed, forged, altered or its key is no longer accepted. */
    public Optional<Claim> verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) return Optional.empty();
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) return Optional.empty();
        try {
            return switch (parts[0]) {
                case "v2" -> verifyV2(parts[1], B64D.decode(parts[2]), now);
                case "v1" -> verifyV1(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8), B64D.decode(parts[2]), now);
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The address the token was issued for, checked now; for callers that do not need the generation. */
    public Optional<String> verify(String token) {
        return verify(token, Instant.now()).map(Claim::email);
    }

    /** True when the token names a key id this keyring has never heard of (a newer keyring may know it). */
    public boolean namesUnknownKey(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) return false;
        String[] parts = token.split("\\.", -1);
        return parts.length == 3 && parts[0].equals("v2") && !keys.knows(parts[1]);
    }

    private Optional<Claim> verifyV2(String keyId, byte[] body, Instant now) {
        Optional<UnsubscribeKeys.Key> key = keys.accepted(keyId, now);
        if (key.isEmpty() || body.length < NONCE + TAG_BITS / 8 + 3) return Optional.empty();
        byte[] plain;
        try {
            plain = gcmOrThrow(Cipher.DECRYPT_MODE, key.get(), Arrays.copyOf(body, NONCE), body, NONCE, body.length - NONCE);
        } catch (GeneralSecurityException e) {
            return Optional.empty(); // forged, altered, or made with another key of the same id
        }
        String s = new String(plain, StandardCharsets.UTF_8);
        int colon = s.indexOf(':');
        if (colon < 1) return Optional.empty();
        return Optional.of(new Claim(SubscriberRepository.normalize(s.substring(colon + 1)),
                Long.parseLong(s.substring(0, colon)), keyId));
    }

    private Optional<Claim> verifyV1(String email, byte[] given, Instant now) {
        byte[] message = ("unsubscribe\u0000" + email).getBytes(StandardCharsets.UTF_8);
        for (UnsubscribeKeys.Key k : keys.acceptedAt(now)) {
            // constant-time comparison: no timing signal about how much of a guessed MAC was right
            if (MessageDigest.isEqual(Sha256.hmac(k.secret(), message), given)) {
                return Optional.of(new Claim(SubscriberRepository.normalize(email), 0, k.id()));
            }
        }
        return Optional.empty();
    }

    /** A key for one purpose derived from the secret: the AES key and the nonce key are never the same bytes. */
    private static byte[] derive(UnsubscribeKeys.Key k, String purpose) {
        return Sha256.hmac(k.secret(), ("podcast-insights/unsubscribe/v2/" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gcm(int mode, UnsubscribeKeys.Key k, byte[] nonce, byte[] in, int off, int len) {
        try {
            return gcmOrThrow(mode, k, nonce, in, off, len);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static byte[] gcmOrThrow(int mode, UnsubscribeKeys.Key k, byte[] nonce, byte[] in, int off, int len)
            throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(derive(k, "aes"), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        // the key id is authenticated too: a token cannot be moved under another id
        c.updateAAD(("v2." + k.id()).getBytes(StandardCharsets.UTF_8));
        return c.doFinal(in, off, len);
    }

    @Override
    public String toString() {
        return "UnsubscribeToken[key hidden]";
    }
}
