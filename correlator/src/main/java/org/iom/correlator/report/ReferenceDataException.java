package org.iom.correlator.report;

/**
 * A reference file (cost scheme, offence map, deflators) that cannot be used. The message names
 * the file and, for a bad row, its physical line (the header is line 1) and the reason.
 */
public final class ReferenceDataException extends RuntimeException {
  public ReferenceDataException(String message) {
    super(message);
  }

  public ReferenceDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
