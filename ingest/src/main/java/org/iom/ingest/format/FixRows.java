package org.iom.ingest.format;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Fix;

/**
 * Fixes: {@code tag_id, recorded_at} and a position; optional {@code accuracy_m, speed_kmh,
 * battery_pct, event}. A fix timed more than the tolerance after the clock is refused: tags with a
 * wrong clock exist, and a future fix would sit in every later window.
 */
final class FixRows extends RowKind<Fix> {
  static final int TAG_ID = 0, RECORDED_AT = 1, LAT = 2, LON = 3, EASTING = 4, NORTHING = 5,
      ACCURACY_M = 6, SPEED_KMH = 7, BATTERY_PCT = 8, EVENT = 9;
  static final FixRows INSTANCE = new FixRows();

  private FixRows() {
    super("fixes",
        List.of("tag_id", "recorded_at", "lat", "lon", "easting", "northing", "accuracy_m", "speed_kmh",
            "battery_pct", "event"),
        List.of("tag_id", "recorded_at"), true);
  }

  @Override
  RowDecoder<Fix> newDecoder(ReadOptions options) {
    return new Decoder(options.clock(), options.futureTolerance());
  }

  private static final class Decoder implements RowDecoder<Fix> {
    /** Re-reads the clock every this many rows: often enough for a long upload, cheap per row. */
    private static final int CLOCK_EVERY = 1024;
    private final InstantSource clock;
    private final Duration tolerance;
    private Instant latestAllowed;
    private int rowsSinceClock = CLOCK_EVERY;

    Decoder(InstantSource clock, Duration tolerance) {
      this.clock = clock;
      this.tolerance = tolerance;
    }

    @Override
    public Fix decode(Fields row, long line, List<String> warnings) {
      String tagId = Values.required(row, TAG_ID);
      Instant recordedAt = Values.requiredInstant(row, RECORDED_AT);
      checkNotInFuture(row, recordedAt);
      Position position = PositionDecoder.decode(row, LAT, LON, EASTING, NORTHING);
      Double accuracy = Values.optionalNumber(row, ACCURACY_M);
      if (accuracy != null && accuracy < 0) {
        throw new BadRowException(row.name(ACCURACY_M) + " " + row.get(ACCURACY_M) + " must not be negative");
      }
      Double speed = Values.optionalNumber(row, SPEED_KMH);
      Integer battery = Values.optionalInt(row, BATTERY_PCT);
      return new Fix(tagId, recordedAt, position, accuracy, speed, battery, row.get(EVENT));
    }

    private void checkNotInFuture(Fields row, Instant t) {
      if (++rowsSinceClock >= CLOCK_EVERY || t.isAfter(latestAllowed)) {
        latestAllowed = clock.instant().plus(tolerance);
        rowsSinceClock = 0;
      }
      if (t.isAfter(latestAllowed)) {
        throw new BadRowException(row.name(RECORDED_AT) + " " + t + " is more than " + Durations.words(tolerance)
            + " in the future (server time " + latestAllowed.minus(tolerance) + "); check the tag's clock");
      }
    }
  }
}
