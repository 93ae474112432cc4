package org.iom.ingest.format;

/**
 * The whole input is unusable (missing required column, not CSV, malformed GeoJSON, over the
 * size limit). The message is one clear sentence for the sender. Rows already delivered to the
 * sink stay delivered.
 */
public class InvalidFileException extends Exception {
  public InvalidFileException(String message) {
    super(message);
  }

  public InvalidFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
