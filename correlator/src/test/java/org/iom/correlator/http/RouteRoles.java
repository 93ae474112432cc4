package org.iom.correlator.http;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.iom.correlator.access.Role;

/**
 * Who may call each route of the API, as the role tests expect it: one row per registered route
 * (a test checks the table against the router, so a new route fails the build until it is added
 * here with its roles), with a request that the allowed roles get a non-401/403 answer for.
 */
final class RouteRoles {
  static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

  /**
   * @param template the route's path as registered ({@code /v1/tokens/:id})
   * @param path a concrete request path, with query string
   * @param expected the status an allowed caller gets for this request
   */
  record Case(String method, String template, String path, String contentType, String body, Set<Role> allowed, int expected) {
    String route() {
      return method + " " + template;
    }

    @Override
    public String toString() {
      return route();
    }
  }

  private RouteRoles() {}

  static List<Case> cases() {
    String zone = """
        {"type":"FeatureCollection","features":[{"type":"Feature",
          "properties":{"zone_id":"Z1","offender_id":"O1","kind":"EXCLUSION"},
          "geometry":{"type":"Polygon","coordinates":[[[-1.48,52.92],[-1.47,52.92],[-1.47,52.93],[-1.48,52.93],[-1.48,52.92]]]}}]}
        """;
    return List.of(
        ingest("fixes", "text/csv", "tag_id,recorded_at,lat,lon\nT1,2025-03-01T10:00:00Z,52.9225,-1.4746\n"),
        ingest("assignments", "text/csv", "offender_id,tag_id,fitted_at\nO1,T1,2025-02-01T00:00:00Z\n"),
        ingest("crimes", "text/csv",
            "crime_ref,offence_code,committed_from,lat,lon\nC1,28E,2025-03-01T09:00:00Z,52.9225,-1.4746\n"),
        ingest("offenders", "text/csv", "offender_id,manager_id\nO1,mgr.one\n"),
        ingest("cohort-memberships", "text/csv", "offender_id,cohort,joined_on\nO1,FIXED,2024-06-01\n"),
        ingest("offences", "text/csv", "offender_id,offence_date,offence_code\nO1,2024-03-01,28E\n"),
        ingest("zones", "application/geo+json", zone),
        new Case("GET", "/v1/matches", "/v1/matches?crime_ref=NOPE", null, null,
            EnumSet.of(Role.IOM_MANAGER, Role.INVESTIGATOR), 404),
        new Case("GET", "/v1/alerts", "/v1/alerts", null, null, EnumSet.of(Role.IOM_MANAGER), 200),
        // A bad Last-Event-ID answers at once (a real stream would not end).
        new Case("GET", "/v1/alerts/stream", "/v1/alerts/stream?last_event_id=x", null, null, EnumSet.of(Role.IOM_MANAGER), 400),
        new Case("GET", "/v1/alerts/:id", "/v1/alerts/999999", null, null, EnumSet.of(Role.IOM_MANAGER), 404),
        new Case("POST", "/v1/alerts/:id/transitions", "/v1/alerts/999999/transitions", "application/json",
            "{\"to\":\"ACKNOWLEDGED\",\"reason\":\"role test\"}", EnumSet.of(Role.IOM_MANAGER), 404),
        new Case("POST", "/v1/enquiries", "/v1/enquiries", "application/json",
            "{\"crime_ref\":\"OP-1\",\"purpose\":\"role test\",\"location\":{\"lat\":52.92,\"lon\":-1.47},"
                + "\"from\":\"2025-03-01T09:00:00Z\",\"to\":\"2025-03-01T10:00:00Z\"}",
            EnumSet.of(Role.INVESTIGATOR), 200),
        new Case("GET", "/v1/offenders/:id/trail",
            "/v1/offenders/NOBODY/trail?from=2025-03-01T00:00:00Z&to=2025-03-01T01:00:00Z&crime_ref=NOPE&purpose=test", null, null,
            EnumSet.of(Role.IOM_MANAGER, Role.INVESTIGATOR), 404),
        new Case("GET", "/v1/reports/idiom", "/v1/reports/idiom?cohort=FIXED&as_of=2025-03-31&price_year=2024-25", null, null,
            EnumSet.of(Role.PARTNER, Role.IOM_MANAGER, Role.ADMIN), 200),
        new Case("GET", "/v1/reports/cohort", "/v1/reports/cohort?cohort=FIXED&from=2025-02-01&to=2025-03-01", null, null,
            EnumSet.of(Role.PARTNER, Role.IOM_MANAGER, Role.ADMIN), 200),
        // An empty table is refused after the role check (a real upload would replace the table for the other cases).
        new Case("PUT", "/v1/reference/:kind", "/v1/reference/deflators", "text/csv", "", ADMIN, 400),
        new Case("POST", "/v1/users", "/v1/users", "application/json", "{\"name\":\"role-test-user\",\"role\":\"PARTNER\"}",
            ADMIN, 201),
        new Case("GET", "/v1/users", "/v1/users", null, null, ADMIN, 200),
        new Case("POST", "/v1/tokens", "/v1/tokens", "application/json", "{\"user\":\"partner-1\"}", ADMIN, 201),
        new Case("GET", "/v1/tokens", "/v1/tokens?user=partner-1", null, null, ADMIN, 200),
        new Case("DELETE", "/v1/tokens/:id", "/v1/tokens/no-such-token", null, null, ADMIN, 404),
        new Case("GET", "/v1/audit", "/v1/audit?limit=5", null, null, ADMIN, 200));
  }

  private static Case ingest(String kind, String contentType, String body) {
    return new Case("POST", "/v1/" + kind, "/v1/" + kind, contentType, body, ADMIN, 200);
  }
}
