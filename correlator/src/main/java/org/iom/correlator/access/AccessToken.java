package org.iom.correlator.access;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A bearer token in the clear: the secret a caller sends as {@code Authorization: Bearer <token>}.
 * It exists only in memory between being made and being shown once to whoever asked for it; the
 * stores keep only its {@link TokenHash}. {@link #toString()} hides the secret so that a log line
 * or an assertion message cannot leak it.
 *
 * <p>Generated tokens are {@code iom_} followed by 32 bytes (256 bits) from {@link SecureRandom},
 * base64url without padding (47 characters in all); the prefix makes a leaked token easy to
 * recognise for secret scanners.
 */
public final class AccessToken {
  /** The shortest token accepted from an operator ({@code --admin-token}); see {@link TokenHash}. */
  public static final int MIN_LENGTH = 32;
  private static final int RANDOM_BYTES = 32;

  private final String secret;

  private AccessToken(String secret) {
    this.secret = secret;
  }

  /** A new random token. */
  public static AccessToken generate(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    return new AccessToken("iom_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /**
   * A token chosen by an operator. It must be {@link #MIN_LENGTH} or more visible ASCII
   * characters (generate one with {@code openssl rand -base64 32}).
   */
  public static AccessToken of(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("a token must be at least " + MIN_LENGTH
          + " characters (e.g. from `openssl rand -base64 32`)");
    }
    if (!secret.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("a token must be visible ASCII characters only (no spaces)");
    }
    return new AccessToken(secret);
  }

  /** The secret itself: only for showing to the caller once, or for sending as a bearer token. */
  public String secret() {
    return secret;
  }

  public TokenHash hash() {
    return TokenHash.of(secret);
  }

  @Override
  public String toString() {
    return "AccessToken[hidden]";
  }
}
