package org.iom.ingest.format;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * What the readers need beyond the bytes. Immutable.
 *
 * @param clock           the clock fixes are checked against; inject a fixed one in tests
 * @param futureTolerance how far after {@code clock.instant()} a fix may be timed before it is
 *                        refused as a device clock error (default 5 minutes; not negative)
 * @param offenceCodes    the known Home Office offence codes; an unknown code is accepted with a
 *                        warning
 * @param gpxTagId        the tag a GPX file's points belong to when the file names none (no
 *                        {@code <trk><name>} and no metadata name), or null to reject such points
 */
public record ReadOptions(
    InstantSource clock, Duration futureTolerance, OffenceCodes offenceCodes, String gpxTagId) {
  public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofMinutes(5);

  public ReadOptions {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(futureTolerance, "futureTolerance");
    Objects.requireNonNull(offenceCodes, "offenceCodes");
    if (futureTolerance.isNegative()) throw new IllegalArgumentException("futureTolerance must not be negative");
    gpxTagId = gpxTagId == null || gpxTagId.isBlank() ? null : gpxTagId.strip();
  }

  /** Five minutes' tolerance, the bundled offence codes, no GPX tag id. */
  public static ReadOptions defaults(InstantSource clock) {
    return new ReadOptions(clock, DEFAULT_FUTURE_TOLERANCE, OffenceCodes.bundled(), null);
  }

  public ReadOptions withGpxTagId(String tagId) {
    return new ReadOptions(clock, futureTolerance, offenceCodes, tagId);
  }

  public ReadOptions withFutureTolerance(Duration tolerance) {
    return new ReadOptions(clock, tolerance, offenceCodes, gpxTagId);
  }

  public ReadOptions withOffenceCodes(OffenceCodes codes) {
    return new ReadOptions(clock, futureTolerance, codes, gpxTagId);
  }
}
