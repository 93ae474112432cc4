package org.iom.correlator.alert;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * An alert as a detector sees it, before it is stored: the same {@code key} always names the
 * same alert, so re-running a detector or late data updates the alert instead of adding one.
 *
 * @param key        idempotent key, e.g. {@code crime:CR-1:O-7}
 * @param crimeRef   the crime, for crime alerts; else null
 * @param zoneId     the zone, for licence-condition alerts; else null
 * @param occurredAt when the thing alerted on happened (closest approach, zone entry), UTC
 * @param evidence   the detector's evidence as JSON (copied)
 */
public record AlertDraft(String key, AlertKind kind, String offenderId, String crimeRef, String zoneId,
    Instant occurredAt, JsonObject evidence) {
  public AlertDraft {
    if (key == null || key.isBlank()) throw new IllegalArgumentException("an alert needs a key");
    if (kind == null || offenderId == null || occurredAt == null || evidence == null) {
      throw new IllegalArgumentException("an alert needs a kind, an offender, a time and evidence");
    }
    evidence = evidence.copy();
  }
}
