package org.iom.correlator.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import org.iom.correlator.index.TrailIndex;
import org.iom.correlator.live.MemoryMatchStore;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchRule;
import org.iom.correlator.report.CohortScope;
import org.iom.correlator.report.cohort.CohortCsvZipWriter;
import org.iom.correlator.report.cohort.CohortHtmlWriter;
import org.iom.correlator.report.cohort.CohortJsonWriter;
import org.iom.correlator.report.cohort.CohortReport;
import org.iom.correlator.report.cohort.CohortReportSource;
import org.iom.correlator.report.cohort.CohortRequest;
import org.iom.correlator.report.cohort.CohortView;
import org.iom.ingest.model.Crime;
import org.iom.ingest.pipeline.IngestPipeline;
import org.iom.ingest.pipeline.RecordType;
import org.iom.ingest.store.memory.MemoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report cohort}: the cohort report from files, without a database (docs/cohort-report.md).
 * The files are read into the in-memory store exactly as {@code correlate} reads them (so
 * duplicates and conflicts settle as in the service), matches are computed with the batch engine
 * and the same rule options, and the report is gathered from the store like the service's. There
 * is no alert store here: the report says alerts are not available (absent, not zero) and so does
 * standard error. Exit status 0 written, 1 unusable input, 2 bad usage.
 */
@Command(name = "cohort", mixinStandardHelpOptions = true,
    description = {"Cohort report: people on the scheme, tag-days, data completeness, crimes cross-referenced, "
        + "matches by kind and caseload per manager, for a period of Europe/London days [from, to).",
        "Alerts are not available from files (no alert store); the report says so.",
        "Exit status: 0 written, 1 unusable input, 2 bad usage."})
final class CohortReportCommand implements Callable<Integer> {
  @Option(names = "--memberships", required = true, paramLabel = "FILE", description = "Cohort memberships (CSV or NDJSON).")
  Path memberships;

  @Option(names = "--offenders", paramLabel = "FILE", description = "Offenders with manager_id (CSV or NDJSON); "
      + "without it every offender is 'no manager'.")
  Path offenders;

  @Option(names = "--assignments", required = true, paramLabel = "FILE", description = "Tag assignments (CSV or NDJSON).")
  Path assignments;

  @Option(names = "--fixes", required = true, paramLabel = "FILE", description = "Fixes (CSV, NDJSON or GPX).")
  Path fixes;

  @Option(names = "--crimes", required = true, paramLabel = "FILE", description = "Crimes (CSV or NDJSON).")
  Path crimes;

  @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, inclusive (yyyy-mm-dd, Europe/London).")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "DATE", description = "Day after the last, exclusive (yyyy-mm-dd).")
  LocalDate to;

  @Option(names = "--cohort", defaultValue = "ALL", paramLabel = "COHORT",
      description = "FIXED, FLEX, FREE or ALL (default ${DEFAULT-VALUE}).")
  String cohort;

  @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
      description = "json, csv (a zip of tables) or html (default ${DEFAULT-VALUE}).")
  ReportCommand.Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
  Path out;

  @Option(names = "--partner", description = "Partner view: aggregates only, small counts suppressed.")
  boolean partner;

  @Option(names = "--suppress-below", defaultValue = "5", paramLabel = "N",
      description = "Partner view: hide counts from 1 to N-1 (default ${DEFAULT-VALUE}).")
  int suppressBelow;

  @Option(names = "--cadence", defaultValue = "60", paramLabel = "SECONDS",
      description = "Expected seconds between fixes of a tag, for completeness (default ${DEFAULT-VALUE}).")
  long cadenceSeconds;

  @Option(names = "--generated-at", paramLabel = "INSTANT",
      description = "The report's 'now' (UTC, e.g. 2025-04-01T00:00:00Z), for reproducible output (default: now).")
  Instant generatedAt;

  @Mixin RuleOptions ruleOptions;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    CohortView view;
    try {
      MatchRule rule = ruleOptions.rule();
      CohortRequest request = new CohortRequest(CohortScope.parse(cohort), from, to,
          generatedAt == null ? Instant.now() : generatedAt, Duration.ofSeconds(cadenceSeconds), rule.maxGap());
      MemoryStore store = new MemoryStore();
      IngestPipeline pipeline = new IngestPipeline(store);
      CorrelateCommand.load(pipeline, RecordType.MEMBERSHIPS, memberships, System.err);
      if (offenders != null) CorrelateCommand.load(pipeline, RecordType.OFFENDERS, offenders, System.err);
      CorrelateCommand.load(pipeline, RecordType.ASSIGNMENTS, assignments, System.err);
      CorrelateCommand.load(pipeline, RecordType.FIXES, fixes, System.err);
      CorrelateCommand.load(pipeline, RecordType.CRIMES, crimes, System.err);
      MemoryMatchStore matches = new MemoryMatchStore();
      join(matches.replace(match(store, rule, request)));
      CohortReport report = join(new CohortReportSource(store, matches, null).report(request));
      view = partner ? CohortView.partner(report, suppressBelow) : CohortView.full(report);
    } catch (IllegalArgumentException | UncheckedIOException | IllegalStateException e) {
      err.println("report cohort: " + e.getMessage());
      err.flush();
      return 1;
    }
    err.println("report cohort: alerts: none here (the CLI has no alert store); the report marks alert figures "
        + "as not available");
    err.flush();
    if (out == null) {
      OutputStream stdout = new BufferedOutputStream(System.out);
      write(view, stdout);
      stdout.flush();
    } else {
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out))) {
        write(view, file);
      }
    }
    return 0;
  }

  /** Matches of the crimes that meet the period, by crime, from the batch engine over every stored fix. */
  private static Map<String, List<Match>> match(MemoryStore store, MatchRule rule, CohortRequest request) {
    TrailIndex index = CorrelateCommand.buildIndex(store, rule);
    List<Crime> inPeriod = join(store.crimes(request.periodStart(), request.periodEnd()));
    Map<String, List<Match>> byCrime = new TreeMap<>();
    for (Crime c : inPeriod) byCrime.put(c.crimeRef(), new ArrayList<>());
    for (Match m : index.matcher(rule).matchAll(inPeriod)) byCrime.get(m.crimeRef()).add(m);
    return byCrime;
  }

  private void write(CohortView view, OutputStream stream) throws IOException {
    switch (format) {
      case csv -> new CohortCsvZipWriter().write(view, stream);
      case html -> new CohortHtmlWriter().write(view, stream);
      default -> new CohortJsonWriter().write(view, stream);
    }
  }

  private static <T> T join(io.vertx.core.Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
