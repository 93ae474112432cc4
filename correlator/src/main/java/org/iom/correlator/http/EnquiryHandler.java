package org.iom.correlator.http;

import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.iom.correlator.access.web.AuditTrail;
import org.iom.correlator.live.LiveCorrelator;
import io.vertx.core.Future;
import java.util.List;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchFormat;
import org.iom.correlator.zones.PolygonTarget;
import org.iom.ingest.format.Readers;
import org.iom.ingest.geo.BritishNationalGrid;
import org.iom.ingest.geo.GridPoint;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Crime;

/**
 * {@code POST /v1/enquiries}: an investigator's question — who was near this place at this time —
 * answered by the same engine and rule as a crime. Body:
 * {@code {"crime_ref", "purpose", "location": {"lat","lon"} | {"easting","northing"} | a GeoJSON Polygon, "from", "to", "radius_m"}}.
 * For a polygon, distance is to the polygon (0 inside) and time within {@code radius_m} is solved
 * against the polygon grown by it ({@link PolygonTarget}).
 * {@code from}/{@code to} play the crime's committed span (the rule's buffer is added either
 * side; each match states the window searched); {@code radius_m} is optional (the rule's default
 * otherwise). A crime reference and a purpose are required: every enquiry is for a stated
 * investigation. Answers {@code {"crime_ref","purpose","matches":[...]}}; nothing is stored
 * except the audit record.
 */
final class EnquiryHandler implements Handler<RoutingContext> {
  /** Enquiry windows longer than this are refused: a trail is read for a purpose, not trawled. */
  static final java.time.Duration MAX_SPAN = java.time.Duration.ofDays(7);

  private final LiveCorrelator correlator;
  private final AuditTrail audit;

  EnquiryHandler(LiveCorrelator correlator, AuditTrail audit) {
    this.correlator = correlator;
    this.audit = audit;
  }

  @Override
  public void handle(RoutingContext ctx) {
    JsonObject body;
    Question parsed;
    try {
      body = ctx.body().asJsonObject();
      if (body == null) throw new IllegalArgumentException("the body must be a JSON object");
      parsed = question(body);
    } catch (DecodeException | ClassCastException e) {
      ctx.fail(new ApiError(400, "the body must be a JSON object: " + e.getMessage()));
      return;
    } catch (IllegalArgumentException | DateTimeParseException e) {
      ctx.fail(new ApiError(400, e.getMessage()));
      return;
    }
    String purpose = body.getString("purpose").strip();
    Crime question = parsed.crime();
    PolygonTarget area = parsed.area();
    Future<List<Match>> answer = area == null ? correlator.enquire(question)
        : correlator.enquire(question, area, area.extentM());
    answer
        .compose(matches -> audit.record(ctx, matches.size() == 1 ? matches.get(0).offenderId() : null, question.crimeRef(),
            purpose, matches.size()).map(recorded -> matches))
        .onSuccess(matches -> {
      JsonArray rows = new JsonArray();
      matches.forEach(m -> rows.add(MatchFormat.toJson(m)));
      ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
          .put("crime_ref", question.crimeRef()).put("purpose", purpose).put("matches", rows).encode());
    }).onFailure(ctx::fail);
  }

  /** The enquiry as a crime-shaped question, and its area when the location is a polygon (else null). */
  record Question(Crime crime, PolygonTarget area) {}

  static Question question(JsonObject body) {
    String crimeRef = text(body, "crime_ref", "the crime reference the enquiry is for");
    text(body, "purpose", "why the enquiry is made (it is audited)");
    Instant from = Instant.parse(text(body, "from", "the start of the time of interest (ISO-8601 UTC)"));
    Instant to = Instant.parse(text(body, "to", "the end of the time of interest (ISO-8601 UTC)"));
    if (to.isBefore(from)) throw new IllegalArgumentException("to is before from");
    if (java.time.Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
      throw new IllegalArgumentException("an enquiry may span at most " + MAX_SPAN.toDays() + " days");
    }
    Object where = body.getValue("location");
    if (!(where instanceof JsonObject location)) {
      throw new IllegalArgumentException("location is required: {\"lat\",\"lon\"} or {\"easting\",\"northing\"}");
    }
    PolygonTarget area = location.containsKey("type") ? new PolygonTarget(Readers.gridArea(location.encode())) : null;
    Position at = area == null ? position(location) : Position.ofGrid(area.centreEasting(), area.centreNorthing());
    Double radius = null;
    if (body.getValue("radius_m") != null) {
      if (!(body.getValue("radius_m") instanceof Number n) || !(n.doubleValue() > 0) || n.doubleValue() > 50_000) {
        throw new IllegalArgumentException("radius_m must be a number of metres above 0 and at most 50,000");
      }
      radius = n.doubleValue();
    }
    return new Question(new Crime(crimeRef, "ENQUIRY", from, to, at, "enquiry", radius), area);
  }

  private static Position position(JsonObject location) {
    if (location.getValue("lat") != null || location.getValue("lon") != null) {
      double lat = number(location, "lat");
      double lon = number(location, "lon");
      GridPoint g = null;
      try {
        g = BritishNationalGrid.toGrid(lat, lon);
      } catch (RuntimeException e) {
        // far from the grid's meridian: outside Great Britain
      }
      if (g == null || !BritishNationalGrid.inExtent(g.easting(), g.northing())) {
        throw new IllegalArgumentException("location (" + lat + ", " + lon + ") is outside Great Britain");
      }
      return new Position(lat, lon, g.easting(), g.northing());
    }
    double e = number(location, "easting");
    double n = number(location, "northing");
    if (!BritishNationalGrid.inExtent(e, n)) {
      throw new IllegalArgumentException("location (" + e + ", " + n + ") is outside the British National Grid");
    }
    return Position.ofGrid(e, n);
  }

  private static double number(JsonObject o, String field) {
    if (!(o.getValue(field) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw new IllegalArgumentException(field + " is required and must be a number");
    }
    return n.doubleValue();
  }

  private static String text(JsonObject body, String field, String meaning) {
    Object v = body.getValue(field);
    if (!(v instanceof String s) || s.isBlank()) throw new IllegalArgumentException(field + " is required: " + meaning);
    return s.strip();
  }
}
