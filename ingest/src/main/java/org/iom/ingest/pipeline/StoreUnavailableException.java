package org.iom.ingest.pipeline;

/**
 * The store failed while an input was being written. Batches before {@code committedSoFar}
 * are committed (re-sending the whole input is safe: stored rows come back as duplicates).
 */
public class StoreUnavailableException extends RuntimeException {
  private final IngestSummary committedSoFar;

  public StoreUnavailableException(String message, Throwable cause, IngestSummary committedSoFar) {
    super(message, cause);
    this.committedSoFar = committedSoFar;
  }

  public IngestSummary committedSoFar() {
    return committedSoFar;
  }
}
