package org.iom.correlator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.AuditEntry;
import org.iom.correlator.access.Grant;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.User;
import org.iom.correlator.access.web.BearerAuthentication;
import org.iom.correlator.service.IomService;
import org.iom.ingest.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Access control over real HTTP, run against each store (subclasses: the users, tokens and audit
 * log live beside it). One service per class, with one user and token per role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessApiContract {
  static final Instant NOW = Instant.parse("2025-03-02T00:00:00Z");
  private final Map<Role, AccessToken> tokens = new EnumMap<>(Role.class);
  private final Map<Role, String> names = Map.of(
      Role.IOM_MANAGER, "mgr.one", Role.INVESTIGATOR, "investigator-1", Role.PARTNER, "partner-1", Role.ADMIN, "admin");
  private Vertx vertx;
  IomService service;
  private HttpTestClient anonymous;

  abstract Future<Store> openStore(Vertx vertx);

  void releaseStore() {}

  @BeforeAll
  void start() {
    SecureRandom random = new SecureRandom();
    List<Grant> grants = new ArrayList<>();
    for (Role role : Role.values()) {
      tokens.put(role, AccessToken.generate(random));
      grants.add(new Grant(new User(names.get(role), role), tokens.get(role)));
    }
    var registry = IomService.newRegistry();
    vertx = IomService.newVertx(registry);
    service = IomService.start(vertx, registry, this::openStore, s -> Future.succeededFuture(), InstantSource.fixed(NOW),
            ServiceLimits.DEFAULTS, grants, "localhost", 0)
        .toCompletionStage().toCompletableFuture().join();
    anonymous = new HttpTestClient(service.port());
  }

  @AfterAll
  void stop() {
    if (service != null) service.close();
    if (vertx != null) vertx.close().toCompletionStage().toCompletableFuture().join();
    releaseStore();
  }

  HttpTestClient as(Role role) {
    return anonymous.as(tokens.get(role).secret());
  }

  private static HttpTestClient.Response call(HttpTestClient client, RouteRoles.Case c) {
    return client.send(c.method(), c.path(), c.contentType(), c.body());
  }

  @TestFactory
  Stream<DynamicTest> withoutATokenEveryRouteAnswers401WithABearerChallenge() {
    return RouteRoles.cases().stream().map(c -> DynamicTest.dynamicTest(c.route(), () -> {
      var r = call(anonymous, c);
      assertThat(r.status()).as(r.body()).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
      assertThat(r.json().getString("error")).contains("Authorization: Bearer");
    }));
  }

  @TestFactory
  Stream<DynamicTest> withAnUnknownTokenEveryRouteAnswers401() {
    HttpTestClient stranger = anonymous.as("iom_this-token-was-never-issued-by-anyone-000");
    return RouteRoles.cases().stream().map(c -> DynamicTest.dynamicTest(c.route(), () -> {
      var r = call(stranger, c);
      assertThat(r.status()).as(r.body()).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).contains("invalid_token");
    }));
  }

  @TestFactory
  Stream<DynamicTest> eachRoleGets403OnEveryRouteItMayNotCall() {
    return RouteRoles.cases().stream().flatMap(c -> Stream.of(Role.values())
        .filter(role -> !c.allowed().contains(role))
        .map(role -> DynamicTest.dynamicTest(role + " " + c.route(), () -> {
          var r = call(as(role), c);
          assertThat(r.status()).as(r.body()).isEqualTo(403);
          assertThat(r.json().getString("error")).contains("has role " + role).contains(c.template());
        })));
  }

  @TestFactory
  Stream<DynamicTest> eachAllowedRoleGetsThrough() {
    return RouteRoles.cases().stream().flatMap(c -> c.allowed().stream()
        .map(role -> DynamicTest.dynamicTest(role + " " + c.route(), () -> {
          var r = call(as(role), c);
          assertThat(r.status()).as(r.body()).isEqualTo(c.expected());
        })));
  }

  @Test
  void theRoleTableCoversEveryRegisteredRoute() {
    Router router = new ApiServer(vertx, service.store(), new org.iom.correlator.live.MemoryMatchStore(),
        new AlertAccess(new org.iom.correlator.alert.MemoryAlertStore(), new org.iom.correlator.alert.AlertFeed()),
        IomService.newRegistry(), InstantSource.fixed(NOW), ServiceLimits.DEFAULTS, service.access()).router(new StoreMonitor(vertx, service.store()));
    Set<String> registered = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null || BearerAuthentication.PUBLIC_PATHS.contains(route.getPath())) continue;
      route.methods().forEach(m -> registered.add(m.name() + " " + route.getPath()));
    }
    assertThat(registered).isEqualTo(new TreeSet<>(RouteRoles.cases().stream().map(RouteRoles.Case::route).toList()));
  }

  /**
   * The OpenAPI document is the API's description: it lists exactly the registered routes, each
   * with the roles the router enforces (x-roles equal the role table the role tests walk), and it
   * is a valid OpenAPI 3.1 document served without a token.
   */
  @Test
  void theApiDescriptionListsEveryRouteWithItsRoles() {
    Router router = new ApiServer(vertx, service.store(), new org.iom.correlator.live.MemoryMatchStore(),
        new AlertAccess(new org.iom.correlator.alert.MemoryAlertStore(), new org.iom.correlator.alert.AlertFeed()),
        IomService.newRegistry(), InstantSource.fixed(NOW), ServiceLimits.DEFAULTS, service.access()).router(new StoreMonitor(vertx, service.store()));
    Set<String> registered = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      if (route.getPath() == null) continue;
      route.methods().forEach(m -> registered.add(m.name() + " " + route.getPath()));
    }
    io.vertx.core.json.JsonObject doc = anonymous.get("/openapi.json").json();
    Set<String> documented = new TreeSet<>();
    java.util.Map<String, Set<Role>> rolesByRoute = new java.util.TreeMap<>();
    doc.getJsonObject("paths").forEach(path -> ((io.vertx.core.json.JsonObject) path.getValue()).forEach(operation -> {
      String route = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey().replaceAll("\\{([^}]+)}", ":$1");
      documented.add(route);
      Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
      ((io.vertx.core.json.JsonObject) operation.getValue()).getJsonArray("x-roles").forEach(r -> roles.add(Role.valueOf((String) r)));
      rolesByRoute.put(route, roles);
    }));
    assertThat(documented).isEqualTo(registered);
    for (RouteRoles.Case c : RouteRoles.cases()) {
      assertThat(rolesByRoute.get(c.route())).as(c.route()).isEqualTo(c.allowed());
    }
    for (String publicPath : BearerAuthentication.PUBLIC_PATHS) {
      assertThat(rolesByRoute.get("GET " + publicPath)).as(publicPath + " is public").isEmpty();
    }
    assertThat(doc.getString("openapi")).isEqualTo("3.1.0");
    // Vert.x OpenAPI parses and checks every operation it can read (all but the streamed ingest bodies).
    var contract = io.vertx.openapi.contract.OpenAPIContract.from(vertx, ApiDescription.validatable())
        .toCompletionStage().toCompletableFuture().join();
    assertThat(contract.getVersion().name()).isEqualTo("V3_1");
    assertThat(contract.operations()).hasSize(documented.size() - 8); // 7 ingest kinds and the CSV reference upload
  }

  @Test
  void onlyHealthMetricsAndTheApiDescriptionAnswerWithoutAToken() {
    assertThat(anonymous.get("/health").status()).isEqualTo(200);
    assertThat(anonymous.get("/metrics").status()).isEqualTo(200);
    assertThat(anonymous.get("/openapi.json").status()).isEqualTo(200);
    assertThat(anonymous.get("/no/such/path").status()).as("does not reveal which paths exist").isEqualTo(401);
    assertThat(anonymous.get("/metrics/../v1/audit").status()).isEqualTo(401);
    assertThat(as(Role.PARTNER).get("/no/such/path").status()).isEqualTo(404);
    assertThat(anonymous.as("").get("/v1/audit").status()).isEqualTo(401);
  }

  @Test
  void anAdminCreatesAUserAndATokenThatWorksUntilRevoked() {
    HttpTestClient admin = as(Role.ADMIN);
    assertThat(admin.post("/v1/users", "application/json", "{\"name\":\"partner-9\",\"role\":\"partner\"}").status()).isEqualTo(201);
    assertThat(admin.post("/v1/users", "application/json", "{\"name\":\"partner-9\",\"role\":\"PARTNER\"}").status()).isEqualTo(200);
    var conflict = admin.post("/v1/users", "application/json", "{\"name\":\"partner-9\",\"role\":\"ADMIN\"}");
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.json().getString("error")).contains("already exists with role PARTNER");
    assertThat(admin.post("/v1/users", "application/json", "{\"name\":\"x\",\"role\":\"ROOT\"}").json().getString("error"))
        .contains("IOM_MANAGER, INVESTIGATOR, PARTNER, ADMIN");
    assertThat(admin.post("/v1/users", "application/json", "{\"name\":\"x\"").status()).isEqualTo(400);
    assertThat(admin.post("/v1/tokens", "application/json", "{\"user\":\"ghost\"}").status()).isEqualTo(404);

    var issued = admin.post("/v1/tokens", "application/json", "{\"user\":\"partner-9\"}");
    assertThat(issued.status()).isEqualTo(201);
    assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
    String secret = issued.json().getString("token");
    String id = issued.json().getString("id");
    HttpTestClient partner9 = anonymous.as(secret);
    String report = "/v1/reports/idiom?cohort=ALL&as_of=2025-03-31&price_year=2024-25";
    assertThat(partner9.get(report).status()).isEqualTo(200);
    assertThat(partner9.get("/v1/audit").status()).isEqualTo(403);

    JsonArray listed = admin.get("/v1/tokens?user=partner-9").json().getJsonArray("tokens");
    assertThat(listed).hasSize(1);
    assertThat(listed.getJsonObject(0).getString("id")).isEqualTo(id);
    assertThat(listed.encode()).doesNotContain(secret);

    assertThat(admin.delete("/v1/tokens/" + id).status()).isEqualTo(200);
    assertThat(partner9.get(report).status()).isEqualTo(401);
    assertThat(admin.delete("/v1/tokens/" + id).status()).isEqualTo(404);
    assertThat(admin.get("/v1/tokens?user=partner-9").json().getJsonArray("tokens").getJsonObject(0).getString("revoked_at"))
        .isEqualTo(NOW.toString());
  }

  @Test
  void theAuditLogIsFilteredPagedAndExportedAsCsvAndItsOwnReadsAreAudited() {
    var log = service.access().audit();
    String offender = "AUD-" + System.nanoTime();
    for (int i = 0; i < 5; i++) {
      log.append(new AuditEntry(NOW.plusSeconds(i), "investigator-1", Role.INVESTIGATOR,
          "GET /v1/offenders/" + offender + "/trail", offender, "CR/" + i, i == 4 ? "=HYPERLINK(\"x\")" : "burglary, street " + i, i))
          .toCompletionStage().toCompletableFuture().join();
    }
    HttpTestClient admin = as(Role.ADMIN);

    // Filtered to the investigator: the admin's own reads of these rows are audited with the same offender.
    String reads = "/v1/audit?user=investigator-1&offender=" + offender;
    JsonObject first = admin.get(reads + "&limit=3").json();
    assertThat(first.getJsonArray("entries")).hasSize(3);
    JsonObject second = admin.get(reads + "&limit=3&after=" + first.getLong("next_after")).json();
    assertThat(second.getJsonArray("entries")).hasSize(2);
    assertThat(second.getValue("next_after")).isNull();
    JsonObject e0 = first.getJsonArray("entries").getJsonObject(0);
    assertThat(e0.getString("user")).isEqualTo("investigator-1");
    assertThat(e0.getString("crime_ref")).isEqualTo("CR/0");
    assertThat(e0.getString("at")).isEqualTo(NOW.toString());

    assertThat(admin.get("/v1/audit?crime_ref=CR/2&offender=" + offender).json().getJsonArray("entries")).hasSize(1);
    assertThat(admin.get(reads + "&from=" + NOW.plusSeconds(1) + "&to=" + NOW.plusSeconds(3))
        .json().getJsonArray("entries")).hasSize(2);

    var csv = admin.get(reads, "text/csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).isEqualTo("id,at,user,role,endpoint,offender_id,crime_ref,purpose,row_count");
    assertThat(lines).hasSize(6);
    assertThat(lines[1]).contains("\"burglary, street 0\"").endsWith(",0");
    assertThat(lines[5]).contains("'=HYPERLINK");

    List<JsonObject> ownReads = admin.get("/v1/audit?user=admin&endpoint=GET%20/v1/audit&limit=1000").json()
        .getJsonArray("entries").stream().map(o -> (JsonObject) o).toList();
    assertThat(ownReads).anySatisfy(e -> {
      assertThat(e.getString("endpoint")).isEqualTo("GET " + reads + "&limit=3");
      assertThat(e.getString("role")).isEqualTo("ADMIN");
      assertThat(e.getString("offender_id")).isEqualTo(offender);
      assertThat(e.getLong("row_count")).isEqualTo(3);
    });

    assertThat(admin.get("/v1/audit?from=yesterday").status()).isEqualTo(400);
    assertThat(admin.get("/v1/audit?limit=0").status()).isEqualTo(400);
    assertThat(admin.get("/v1/audit?from=" + NOW + "&to=" + NOW).status()).isEqualTo(400);
  }
}
