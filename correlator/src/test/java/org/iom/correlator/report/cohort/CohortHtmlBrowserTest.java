package org.iom.correlator.report.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iom.correlator.report.CohortScope;
import org.junit.jupiter.api.Test;

/**
 * Renders the cohort report in headless Chromium: PNG screenshots of the full and the partner
 * view under {@code target/screenshots/} and an A4 PDF. Needs {@code /usr/bin/chromium}; without
 * it the test is skipped, unless {@code IOM_REQUIRE_BROWSER=1}, when it fails.
 */
class CohortHtmlBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void reportRendersToScreenshotsAndAnA4Pdf() throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      if ("1".equals(System.getenv("IOM_REQUIRE_BROWSER"))) {
        fail(CHROMIUM + " is missing but IOM_REQUIRE_BROWSER=1: install it with apt-get install -y chromium");
      }
      assumeTrue(false, CHROMIUM + " is not installed; set IOM_REQUIRE_BROWSER=1 to make this a failure");
    }
    Path dir = Files.createDirectories(Path.of("target", "screenshots")).toAbsolutePath();
    CohortReport full = new CohortCalculator()
        .compute(CohortSample.request(CohortScope.ALL), CohortSample.inputs(), CohortSample.fixes());
    render(dir, "cohort-report", new CohortHtmlWriter().render(CohortView.full(full)), true);
    render(dir, "cohort-report-partner",
        new CohortHtmlWriter().render(CohortView.partner(CohortViewAndWritersTest.partnerSample(12), 5)), false);
  }

  private static void render(Path dir, String name, String html, boolean pdfToo) throws Exception {
    Path page = dir.resolve(name + ".html");
    Files.writeString(page, html, StandardCharsets.UTF_8);
    Path png = dir.resolve(name + ".png");
    Files.deleteIfExists(png);
    chromium(dir, "--screenshot=" + png, "--window-size=1024,1600", page.toUri().toString());
    assertThat(png).exists();
    assertThat(Files.size(png)).as("screenshot bytes").isGreaterThan(20_000);
    byte[] head = Files.readAllBytes(png);
    assertThat(head[1] == 'P' && head[2] == 'N' && head[3] == 'G').as("PNG signature").isTrue();
    if (!pdfToo) return;
    Path pdf = dir.resolve(name + ".pdf");
    Files.deleteIfExists(pdf);
    chromium(dir, "--print-to-pdf=" + pdf, "--no-pdf-header-footer", page.toUri().toString());
    String pdfText = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    assertThat(pdfText).startsWith("%PDF");
    // A4 is 595 x 842 points
    assertThat(pdfText).containsPattern("MediaBox\\s*\\[\\s*0 0 59[45]\\.?\\d* 84[12]\\.?\\d*\\s*\\]");
  }

  private static void chromium(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--user-data-dir=" + dir.resolve("chromium-profile-cohort")));
    command.addAll(List.of(args));
    Path log = dir.resolve("chromium-cohort.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish within 120 s: " + command + "\n" + Files.readString(log));
    }
    if (process.exitValue() != 0) fail("chromium exited " + process.exitValue() + ": " + Files.readString(log));
  }
}
