package org.iom.correlator.access.web;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.InstantSource;
import org.iom.correlator.access.AuditEntry;
import org.iom.correlator.access.AuditLog;
import org.iom.correlator.access.AuditRecord;
import org.iom.correlator.access.User;

/**
 * What a handler that reads location data, matches or alert evidence calls before it answers:
 * it appends who (the authenticated caller), when (the clock), the endpoint (method and request
 * URI) and what the handler names (offender, crime, purpose, row count) to the audit log.
 *
 * <p>Compose the answer <em>after</em> the returned future: if the log cannot be written the
 * data must not be sent (fail the context with the cause; the error handler answers 500).
 * Thread-safe.
 */
public final class AuditTrail {
  private final AuditLog log;
  private final InstantSource clock;

  public AuditTrail(AuditLog log, InstantSource clock) {
    this.log = log;
    this.clock = clock;
  }

  /**
   * @param offenderId the offender the answer is about, or null
   * @param crimeRef the crime reference the read is justified by, or null
   * @param purpose the caller's stated purpose, or null
   * @param rows rows in the answer
   */
  public Future<AuditRecord> record(RoutingContext ctx, String offenderId, String crimeRef, String purpose, long rows) {
    User caller = Callers.of(ctx);
    String endpoint = ctx.request().method().name() + " " + ctx.request().uri();
    return log.append(new AuditEntry(clock.instant(), caller.name(), caller.role(), endpoint, offenderId, crimeRef, purpose, rows));
  }
}
