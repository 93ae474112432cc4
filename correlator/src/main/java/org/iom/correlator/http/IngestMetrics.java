package org.iom.correlator.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.pipeline.IngestSummary;

/**
 * Ingest counters for Prometheus: {@code iom_ingest_rows_total{kind,outcome}} with outcome
 * accepted, duplicate or rejected; {@code iom_ingest_refused_total{kind}} for 503s from a full
 * queue; {@code iom_ingest_seconds{kind}} per request. Thread-safe.
 */
public final class IngestMetrics {
  private final MeterRegistry registry;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(RecordKind kind, IngestSummary summary, long elapsedNanos) {
    rows(kind, "accepted").increment(summary.accepted());
    rows(kind, "duplicate").increment(summary.duplicates());
    rows(kind, "rejected").increment(summary.rejectedCount());
    Timer.builder("iom_ingest_seconds").tag("kind", kind.pathName())
        .publishPercentiles(0.5, 0.99)
        .register(registry).record(elapsedNanos, TimeUnit.NANOSECONDS);
  }

  void refused(RecordKind kind) {
    Counter.builder("iom_ingest_refused").tag("kind", kind.pathName()).register(registry).increment();
  }

  private Counter rows(RecordKind kind, String outcome) {
    return Counter.builder("iom_ingest_rows")
        .description("Input rows by kind and outcome")
        .tag("kind", kind.pathName())
        .tag("outcome", outcome)
        .register(registry);
  }
}
