package org.iom.correlator.http;

/**
 * Admission limits of the HTTP service.
 *
 * @param maxBodyBytes          largest accepted request body; larger gets 413
 * @param maxConcurrentIngests  ingests running at once; one more gets 503 with Retry-After
 */
public record ServiceLimits(long maxBodyBytes, int maxConcurrentIngests) {
  public static final ServiceLimits DEFAULTS = new ServiceLimits(256L << 20, 8);

  public ServiceLimits {
    if (maxBodyBytes <= 0 || maxConcurrentIngests <= 0) throw new IllegalArgumentException("limits must be positive");
  }
}
