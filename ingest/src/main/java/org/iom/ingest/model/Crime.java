package org.iom.ingest.model;

import java.time.Instant;
import org.iom.ingest.geo.Position;

/**
 * A reported crime to cross-reference against tag trails. Keyed by {@code crimeRef}; a re-sent
 * crime with new details replaces the old one.
 *
 * @param committedFrom start of the reported time span, UTC
 * @param committedTo   end of the span (inclusive), never before {@code committedFrom}; equals
 *                      it when the time is known exactly
 * @param offenceType   optional free-text description, or null
 * @param radiusM       per-crime search radius in metres, or null to use the rule's default
 */
public record Crime(
    String crimeRef,
    String offenceCode,
    Instant committedFrom,
    Instant committedTo,
    Position location,
    String offenceType,
    Double radiusM) {

  public Crime {
    crimeRef = Require.id(crimeRef, "crime_ref");
    offenceCode = Require.id(offenceCode, "offence_code");
    Require.present(committedFrom, "committed_from");
    committedTo = committedTo == null ? committedFrom : committedTo;
    Require.notBefore(committedTo, committedFrom, "committed_to", "committed_from");
    Require.present(location, "location");
    offenceType = Require.blankToNull(offenceType);
    Require.finiteOrNull(radiusM, "radius_m");
    if (radiusM != null && radiusM <= 0) throw new IllegalArgumentException("radius_m must be positive");
  }
}
