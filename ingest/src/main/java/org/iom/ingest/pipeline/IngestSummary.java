package org.iom.ingest.pipeline;

import java.util.List;
import org.iom.ingest.format.Rejection;

/**
 * What happened to one input (HTTP body or file): every data row is exactly one of accepted,
 * duplicate or rejected. {@code rejected} lists at most {@link IngestPipeline#MAX_REPORTED}
 * rejections (all of them are stored); {@code rejectedCount} is the full number.
 *
 * @param warnings accepted rows with something to check, e.g. an unknown offence code
 */
public record IngestSummary(
    long accepted, long duplicates, long rejectedCount, List<Rejection> rejected, List<Warning> warnings) {

  public IngestSummary {
    rejected = List.copyOf(rejected);
    warnings = List.copyOf(warnings);
  }

  /** A warning attached to an accepted row. */
  public record Warning(long line, String message) {
    @Override
    public String toString() {
      return "line " + line + ": " + message;
    }
  }

  public long rows() {
    return accepted + duplicates + rejectedCount;
  }
}
