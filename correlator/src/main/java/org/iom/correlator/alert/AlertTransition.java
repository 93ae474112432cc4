package org.iom.correlator.alert;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** One workflow step: who moved the alert, from what to what, when and why. */
public record AlertTransition(long alertId, AlertStatus from, AlertStatus to, String actor, String reason, Instant at) {
  public JsonObject toJson() {
    return new JsonObject().put("from", from.name()).put("to", to.name()).put("by", actor).put("reason", reason)
        .put("at", at.toString());
  }
}
