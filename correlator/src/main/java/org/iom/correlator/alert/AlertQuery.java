package org.iom.correlator.alert;

import java.time.Instant;
import java.util.Set;

/**
 * Filters for listing alerts; null means "any". Ordered newest raised first, then by id.
 *
 * @param offenderIds only these offenders (a manager's caseload), or null for all
 * @param from        raised at or after, inclusive
 * @param to          raised before, exclusive
 */
public record AlertQuery(AlertStatus status, AlertKind kind, Set<String> offenderIds, String crimeRef, Instant from,
    Instant to, int limit, int offset) {
  public static final int MAX_LIMIT = 1_000;

  public AlertQuery {
    if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
    if (offset < 0) throw new IllegalArgumentException("offset must not be negative");
    offenderIds = offenderIds == null ? null : Set.copyOf(offenderIds);
  }

  public static AlertQuery all() {
    return new AlertQuery(null, null, null, null, null, null, MAX_LIMIT, 0);
  }

  boolean accepts(Alert a) {
    return (status == null || a.status() == status)
        && (kind == null || a.kind() == kind)
        && (offenderIds == null || offenderIds.contains(a.offenderId()))
        && (crimeRef == null || crimeRef.equals(a.crimeRef()))
        && (from == null || !a.raisedAt().isBefore(from))
        && (to == null || a.raisedAt().isBefore(to));
  }
}
