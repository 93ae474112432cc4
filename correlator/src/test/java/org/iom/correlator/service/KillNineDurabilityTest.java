package org.iom.correlator.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iom.ingest.store.PgTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A 200 from {@code POST /v1/fixes} means committed: the server process is killed with SIGKILL
 * the moment it answers, and every row it acknowledged is in PostgreSQL afterwards.
 */
class KillNineDurabilityTest {
  @RegisterExtension static final PgTestDatabase DB = new PgTestDatabase();
  private static final String ADMIN_TOKEN = "kill-nine-test-admin-token-0123456789abcdef";
  private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");

  @Test
  void rowsAcknowledgedBeforeAKillNineAreAllStored() throws Exception {
    Process server = startServer();
    long acknowledged = 0;
    try {
      int port = awaitPort(server);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int body = 0; body < 3; body++) {
        HttpResponse<String> response = http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/fixes"))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(fixes(body, 20_000)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
        if (body == 2) server.destroyForcibly(); // SIGKILL the moment the last 200 arrives
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        acknowledged += new JsonObject(response.body()).getLong("accepted");
      }
    } finally {
      server.destroyForcibly();
      server.waitFor(30, TimeUnit.SECONDS);
    }

    assertThat(acknowledged).isEqualTo(60_000);
    try (Connection c = DB.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM fixes")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(acknowledged);
    }
  }

  private static String fixes(int body, int rows) {
    StringBuilder csv = new StringBuilder("tag_id,recorded_at,easting,northing\n");
    Instant start = Instant.parse("2025-03-01T00:00:00Z");
    for (int i = 0; i < rows; i++) {
      csv.append("K").append(body).append('-').append(i % 50).append(',')
          .append(start.plusSeconds(60L * (i / 50))).append(',')
          .append(435_000 + i % 1000).append(',').append(336_000 + i % 700).append('\n');
    }
    return csv.toString();
  }

  private static Process startServer() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "org.iom.correlator.cli.Main", "serve", "--port", "0", "--host", "localhost");
    builder.environment().put("PGDATABASE", DB.name());
    builder.environment().put("ADMIN_TOKEN", ADMIN_TOKEN);
    builder.redirectErrorStream(true);
    return builder.start();
  }

  /** Reads the server's output until it says where it listens; keeps draining it afterwards. */
  private static int awaitPort(Process server) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = new CompletableFuture<>();
    StringBuilder seen = new StringBuilder();
    Thread drain = new Thread(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          if (!port.isDone()) seen.append(line).append('\n');
          Matcher m = LISTENING.matcher(line);
          if (m.find()) port.complete(Integer.parseInt(m.group(1)));
        }
      } catch (Exception ignored) {
        // the process was killed
      }
      port.completeExceptionally(new AssertionError("server exited before listening:\n" + seen));
    });
    drain.setDaemon(true);
    drain.start();
    return port.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
  }
}
