package org.iom.correlator.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.StringWriter;
import java.util.List;
import org.iom.correlator.access.web.AuditTrail;
import org.iom.correlator.live.MatchStore;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchFormat;
import org.iom.ingest.store.Store;

/**
 * {@code GET /v1/matches?crime_ref=...}: the crime's stored matches, one per offender, as JSON
 * {@code {"crime_ref":..., "matches":[...]}} or, with {@code Accept: text/csv}, the SPEC.md matches
 * CSV. 400 without a crime reference; 404 for a crime the service does not know (a known crime
 * with no match answers an empty list). A manager sees only matches of their caseload. Every read
 * is audited (crime reference, optional {@code purpose}, rows) before the answer goes out.
 */
final class MatchesHandler implements Handler<RoutingContext> {
  private final Store store;
  private final MatchStore matches;
  private final Viewers viewers;
  private final AuditTrail audit;

  MatchesHandler(Store store, MatchStore matches, Viewers viewers, AuditTrail audit) {
    this.store = store;
    this.matches = matches;
    this.viewers = viewers;
    this.audit = audit;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String crimeRef = ctx.request().getParam("crime_ref");
    if (crimeRef == null || crimeRef.isBlank()) {
      ctx.fail(new ApiError(400, "crime_ref is required, e.g. /v1/matches?crime_ref=DY-2025-000123"));
      return;
    }
    String ref = crimeRef.strip();
    String purpose = ctx.request().getParam("purpose");
    store.crime(ref).compose(crime -> {
      if (crime.isEmpty()) throw new ApiError(404, "no crime with crime_ref '" + ref + "' has been received");
      return viewers.of(ctx).compose(viewer -> matches.ofCrime(ref)
          .map(all -> all.stream().filter(m -> viewer.sees(m.offenderId())).toList()));
    }).compose(found -> audit.record(ctx, found.size() == 1 ? found.get(0).offenderId() : null, ref, purpose, found.size())
            .map(recorded -> found))
        .onSuccess(found -> respond(ctx, ref, found)).onFailure(ctx::fail);
  }

  private static void respond(RoutingContext ctx, String crimeRef, List<Match> found) {
    if (wantsCsv(ctx.request().getHeader("Accept"))) {
      StringWriter csv = new StringWriter();
      MatchFormat.writeCsv(csv, found);
      ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8").end(csv.toString());
      return;
    }
    JsonArray rows = new JsonArray();
    found.forEach(m -> rows.add(MatchFormat.toJson(m)));
    ctx.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("crime_ref", crimeRef).put("matches", rows).encode());
  }

  private static boolean wantsCsv(String accept) {
    return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/csv");
  }
}
