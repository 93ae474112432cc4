package org.iom.correlator.http;

/**
 * A failure with the HTTP status and a message for the caller. Handlers fail the routing
 * context with it; {@link ErrorHandler} writes it as {@code {"error": message}}.
 *
 * @param retryAfterSeconds sent as {@code Retry-After} when positive (503s)
 */
public final class ApiError extends RuntimeException {
  private final int status;
  private final int retryAfterSeconds;

  public ApiError(int status, String message) {
    this(status, message, 0);
  }

  public ApiError(int status, String message, int retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
