package org.iom.correlator.alert;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A stored alert. {@code withdrawnAt} is set when late data removed what raised it (the alert and
 * its history stay; it is cleared if the evidence comes back).
 */
public record Alert(long alertId, String key, AlertKind kind, String offenderId, String crimeRef, String zoneId,
    AlertStatus status, Instant occurredAt, JsonObject evidence, Instant raisedAt, Instant updatedAt,
    Instant withdrawnAt) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("alert_id", alertId)
        .put("alert_key", key)
        .put("kind", kind.name())
        .put("status", status.name())
        .put("offender_id", offenderId)
        .put("crime_ref", crimeRef)
        .put("zone_id", zoneId)
        .put("occurred_at", occurredAt.toString())
        .put("raised_at", raisedAt.toString())
        .put("updated_at", updatedAt.toString())
        .put("withdrawn_at", withdrawnAt == null ? null : withdrawnAt.toString())
        .put("evidence", evidence.copy());
  }
}
