package org.iom.ingest.format;

/**
 * One row cannot be accepted; the message is the rejection reason. Thrown only for bad rows, so
 * it skips the stack trace (a file with a million bad rows must not pay a million stack walks).
 */
final class BadRowException extends RuntimeException {
  BadRowException(String reason) {
    super(reason, null, false, false);
  }
}
