package org.iom.ingest.store.merge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;

/**
 * The time precision both stores keep: microseconds, which is what a PostgreSQL
 * {@code timestamptz} holds. Every instant is truncated (towards the past) to a whole
 * microsecond <em>before</em> it is compared or stored, so that the in-memory store and the
 * PostgreSQL store agree on keys: two fixes 300 ns apart are the same key in both.
 *
 * <p>Stateless and thread-safe.
 */
public final class StoredTime {
  private StoredTime() {}

  public static Instant truncate(Instant t) {
    return t == null || t.getNano() % 1_000 == 0 ? t : t.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The earliest whole microsecond not before {@code t}: a range bound {@code >= t} over stored
   * (whole-microsecond) times selects the same rows as {@code >= ceil(t)}.
   */
  public static Instant ceil(Instant t) {
    Instant down = truncate(t);
    return down.equals(t) ? t : down.plusNanos(1_000);
  }

  /** Microseconds since 1970-01-01T00:00Z; throws for instants outside about ±292,000 years. */
  public static long toEpochMicros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  public static Instant ofEpochMicros(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  public static Fix truncate(Fix f) {
    Instant t = truncate(f.recordedAt());
    return t == f.recordedAt()
        ? f
        : new Fix(f.tagId(), t, f.position(), f.accuracyM(), f.speedKmh(), f.batteryPct(), f.event());
  }

  public static TagAssignment truncate(TagAssignment a) {
    Instant fitted = truncate(a.fittedAt());
    Instant removed = truncate(a.removedAt());
    return fitted == a.fittedAt() && removed == a.removedAt()
        ? a
        : new TagAssignment(a.offenderId(), a.tagId(), fitted, removed);
  }

  public static Crime truncate(Crime c) {
    Instant from = truncate(c.committedFrom());
    Instant to = truncate(c.committedTo());
    return from == c.committedFrom() && to == c.committedTo()
        ? c
        : new Crime(c.crimeRef(), c.offenceCode(), from, to, c.location(), c.offenceType(), c.radiusM());
  }
}
