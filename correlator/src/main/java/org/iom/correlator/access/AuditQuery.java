package org.iom.correlator.access;

import java.time.Instant;

/**
 * A filtered page of the audit log, in append (id) order. Every filter is optional (null) and
 * they combine with AND.
 *
 * @param user exact user name
 * @param offenderId exact offender id
 * @param crimeRef exact crime reference
 * @param endpointPrefix the entry's endpoint starts with this, e.g. {@code GET /v1/alerts}
 * @param from entries at or after this instant (inclusive)
 * @param to entries before this instant (exclusive)
 * @param afterId only entries with a larger id: 0 for the first page, else the last id of the
 *     previous page
 * @param limit at most this many entries, 1 to {@link #MAX_LIMIT} (a bound on one read, not a page size)
 */
public record AuditQuery(
    String user, String offenderId, String crimeRef, String endpointPrefix, Instant from, Instant to, long afterId, int limit) {
  public static final int MAX_LIMIT = 100_000;

  public AuditQuery {
    if (afterId < 0) throw new IllegalArgumentException("after " + afterId + " is negative");
    if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit " + limit + " is not between 1 and " + MAX_LIMIT);
    if (from != null && to != null && !from.isBefore(to)) throw new IllegalArgumentException("from " + from + " is not before to " + to);
  }

  /** Everything, first page of {@code limit}. */
  public static AuditQuery all(int limit) {
    return new AuditQuery(null, null, null, null, null, null, 0, limit);
  }

  /** The same filters, the page after the entry {@code id}. */
  public AuditQuery after(long id) {
    return new AuditQuery(user, offenderId, crimeRef, endpointPrefix, from, to, id, limit);
  }

  /** The same filters and cursor with another page size. */
  public AuditQuery withLimit(int newLimit) {
    return new AuditQuery(user, offenderId, crimeRef, endpointPrefix, from, to, afterId, newLimit);
  }

  /** Whether an entry passes the filters (not the cursor or the limit). */
  public boolean matches(AuditEntry e) {
    return (user == null || user.equals(e.user()))
        && (offenderId == null || offenderId.equals(e.offenderId()))
        && (crimeRef == null || crimeRef.equals(e.crimeRef()))
        && (endpointPrefix == null || e.endpoint().startsWith(endpointPrefix))
        && (from == null || !e.at().isBefore(from))
        && (to == null || e.at().isBefore(to));
  }
}
