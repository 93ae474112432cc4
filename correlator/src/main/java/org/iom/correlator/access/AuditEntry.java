package org.iom.correlator.access;

import java.time.Instant;
import java.util.Objects;

/**
 * One read of location data, matches or alert evidence: who read, when, through which endpoint,
 * about whom or which crime, why, and how many rows they were shown.
 *
 * @param at when the read was answered (UTC; stores keep microseconds)
 * @param user the caller's user name
 * @param role the caller's role at the time of the read
 * @param endpoint the HTTP method and the request URI as sent, query string included, e.g.
 *     {@code GET /v1/offenders/O-7/trail?from=...&to=...}
 * @param offenderId the offender whose data was read; null when the read was not about one offender
 * @param crimeRef the crime the read was justified by; null when none was given
 * @param purpose the caller's stated reason; null when none was given
 * @param rowCount rows (fixes, matches, alerts...) in the answer, 0 or more
 */
public record AuditEntry(
    Instant at, String user, Role role, String endpoint, String offenderId, String crimeRef, String purpose, long rowCount) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(role, "role");
    if (user == null || user.isBlank()) throw new IllegalArgumentException("an audit entry names its user");
    if (endpoint == null || endpoint.isBlank()) throw new IllegalArgumentException("an audit entry names its endpoint");
    if (rowCount < 0) throw new IllegalArgumentException("row count " + rowCount + " is negative");
    offenderId = blankToNull(offenderId);
    crimeRef = blankToNull(crimeRef);
    purpose = blankToNull(purpose);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
