package org.iom.correlator.alert;

/** A workflow step that does not follow the alert's current status (HTTP 409). */
public final class IllegalTransitionException extends RuntimeException {
  public IllegalTransitionException(String message) {
    super(message, null, false, false);
  }
}
