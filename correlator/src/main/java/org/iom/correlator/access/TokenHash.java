package org.iom.correlator.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a bearer token, as 64 lower-case hex digits: the only form in which a token is
 * stored.
 *
 * <p>Why a plain, unsalted, fast hash is enough here (and bcrypt/argon2 would only add latency to
 * every request): salts and slow hashes defend low-entropy secrets such as passwords against
 * dictionary attacks on a stolen table. Our tokens carry at least 128 random bits
 * ({@link AccessToken}), so a stolen hash can only be attacked by brute force over 2^128
 * candidates, and no precomputed table covers that space. A fast hash also lets the lookup be a
 * unique-index equality on the hash, with no per-user salt to fetch first. Operator-chosen tokens
 * ({@code serve --admin-token}) must be at least {@link AccessToken#MIN_LENGTH} characters for
 * the same reason.
 */
public record TokenHash(String sha256Hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public TokenHash {
    if (sha256Hex == null || !HEX.matcher(sha256Hex).matches()) {
      throw new IllegalArgumentException("a token hash is 64 lower-case hex digits");
    }
  }

  /** The hash of the token text as sent in {@code Authorization: Bearer <token>} (UTF-8 bytes). */
  public static TokenHash of(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return new TokenHash(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
