package org.iom.correlator.zones;

import java.util.List;

/**
 * The result of {@link LicenceConditionDetector#evaluate}: the episodes overlapping the evaluated
 * interval that the loaded data shows whole, and whether more data is needed for the others.
 *
 * @param events           sorted by start, then kind, then zone or tag; each one exact
 * @param needsEarlierData an episode overlapping the interval reaches back to the start of the
 *                         loaded data (a cut run): reload from earlier and evaluate again; such
 *                         episodes are left out of {@code events}, since their start (and so
 *                         their key) is not known yet
 * @param needsLaterData   likewise at the end of the loaded data (only when loaded short of now)
 */
public record Evaluation(List<LicenceEvent> events, boolean needsEarlierData, boolean needsLaterData) {
  public Evaluation {
    events = List.copyOf(events);
  }

  /** True when every episode overlapping the interval is in {@link #events}. */
  public boolean complete() {
    return !needsEarlierData && !needsLaterData;
  }
}
