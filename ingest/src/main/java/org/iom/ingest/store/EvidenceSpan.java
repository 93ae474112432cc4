package org.iom.ingest.store;

import java.time.Instant;

/** One tag's fixes with {@code from <= recorded_at <= to} (UTC, closed) that must outlive retention. */
public record EvidenceSpan(String tagId, Instant from, Instant to) {
  public EvidenceSpan {
    if (tagId == null || from == null || to == null || to.isBefore(from)) {
      throw new IllegalArgumentException("an evidence span needs a tag and from <= to");
    }
  }
}
