package org.iom.correlator.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.iom.correlator.report.CohortScope;
import org.iom.correlator.report.CostScheme;
import org.iom.correlator.report.FinancialYear;
import org.iom.correlator.report.GdpDeflators;
import org.iom.correlator.report.IdiomCalculator;
import org.iom.correlator.report.IdiomCsvZipWriter;
import org.iom.correlator.report.IdiomHtmlWriter;
import org.iom.correlator.report.IdiomJsonWriter;
import org.iom.correlator.report.IdiomReport;
import org.iom.correlator.report.IdiomRequest;
import org.iom.correlator.report.OffenceMap;
import org.iom.correlator.report.ReferenceData;
import org.iom.correlator.report.ReferenceDataException;
import org.iom.correlator.report.ReportView;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.ProvenOffence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report}: reports from files, without a database. {@code report idiom} writes the IDIOM
 * cost-of-crime report (JSON, CSV zip or printable HTML); {@code report cohort} ({@link CohortReportCommand})
 * the cohort report.
 *
 * <p>Reading the memberships and offences files is supplied by the caller (the application
 * wires the ingest readers in), so this class knows nothing about file formats beyond the
 * reference tables. A reader function throws {@link UncheckedIOException} or
 * {@link IllegalArgumentException} with a message naming the file and line when a file is unusable.
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports for probation partners and analysts.",
    subcommands = CohortReportCommand.class)
public final class ReportCommand {
  private final Function<Path, List<CohortMembership>> readMemberships;
  private final Function<Path, List<ProvenOffence>> readOffences;

  @Spec
  CommandSpec spec;

  public ReportCommand(
      Function<Path, List<CohortMembership>> readMemberships, Function<Path, List<ProvenOffence>> readOffences) {
    this.readMemberships = Objects.requireNonNull(readMemberships, "readMemberships");
    this.readOffences = Objects.requireNonNull(readOffences, "readOffences");
  }

  /** Output formats of {@code report idiom}. */
  public enum Format { json, csv, html }

  @Command(name = "idiom", mixinStandardHelpOptions = true,
      description = {"IDIOM cost of crime before (PRE), during and after (POST) the scheme.",
          "Exit status: 0 written, 1 unusable input or reference data, 2 bad usage."})
  int idiom(
      @Option(names = "--memberships", required = true, paramLabel = "FILE", description = "Cohort memberships file.")
          Path memberships,
      @Option(names = "--offences", required = true, paramLabel = "FILE", description = "Proven offences file.")
          Path offences,
      @Option(names = "--as-of", required = true, paramLabel = "DATE",
          description = "Report date, inclusive (yyyy-mm-dd).") LocalDate asOf,
      @Option(names = "--price-year", required = true, paramLabel = "YEAR",
          description = "Financial year of the prices, e.g. 2024-25.") String priceYear,
      @Option(names = "--cohort", defaultValue = "ALL", paramLabel = "COHORT",
          description = "FIXED, FLEX, FREE or ALL (default ${DEFAULT-VALUE}).") String cohort,
      @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
          description = "json, csv (a zip of tables) or html (default ${DEFAULT-VALUE}).") Format format,
      @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).") Path out,
      @Option(names = "--costs", paramLabel = "FILE",
          description = "Cost scheme CSV: scheme,category,base_price_year,cost_gbp,source[,status] "
              + "(default: built-in HO2018).") Path costs,
      @Option(names = "--scheme", paramLabel = "NAME",
          description = "Scheme to use from --costs when it holds several (default: HO2018 when built in).")
          String scheme,
      @Option(names = "--offence-map", paramLabel = "FILE",
          description = "Offence map CSV: offence_code,category,label (default: built-in).") Path offenceMap,
      @Option(names = "--deflators", paramLabel = "FILE",
          description = "GDP deflator CSV: financial_year,index,vintage (default: built-in).") Path deflators,
      @Option(names = "--partner", description = "Partner view: no per-person rows, small counts suppressed.")
          boolean partner,
      @Option(names = "--suppress-below", defaultValue = "5", paramLabel = "N",
          description = "Partner view: hide counts from 1 to N-1 (default ${DEFAULT-VALUE}).") int suppressBelow,
      @Option(names = "--small-cohort-below", defaultValue = "10", paramLabel = "N",
          description = "Flag cohorts with fewer offenders (default ${DEFAULT-VALUE}).") int smallCohortBelow,
      @Option(names = "--conviction-lag-months", defaultValue = "6", paramLabel = "N",
          description = "Mark windows ended less than N months ago (default ${DEFAULT-VALUE}).") int lagMonths)
      throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ReportView view;
    try {
      IdiomRequest request = new IdiomRequest(CohortScope.parse(cohort), asOf, FinancialYear.parse(priceYear),
          smallCohortBelow, lagMonths);
      ReferenceData reference = new ReferenceData(
          costs == null ? CostScheme.builtIn(scheme == null ? CostScheme.DEFAULT_SCHEME : scheme)
              : loadScheme(costs, scheme),
          offenceMap == null ? OffenceMap.builtIn() : loadMap(offenceMap),
          deflators == null ? GdpDeflators.builtIn() : loadDeflators(deflators));
      IdiomReport report = new IdiomCalculator(reference)
          .compute(readMemberships.apply(memberships), readOffences.apply(offences), request);
      view = partner ? ReportView.partner(report, suppressBelow) : ReportView.full(report);
    } catch (ReferenceDataException | IllegalArgumentException | UncheckedIOException e) {
      err.println("report idiom: " + e.getMessage());
      err.flush();
      return 1;
    } catch (IOException e) {
      err.println("report idiom: cannot read " + e.getMessage() + " (" + e.getClass().getSimpleName() + ")");
      err.flush();
      return 1;
    }
    if (out == null) {
      OutputStream stdout = new BufferedOutputStream(System.out);
      write(view, format, stdout);
      stdout.flush();
    } else {
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out))) {
        write(view, format, file);
      }
    }
    return 0;
  }

  private static void write(ReportView view, Format format, OutputStream out) throws IOException {
    switch (format) {
      case csv:
        new IdiomCsvZipWriter().write(view, out);
        break;
      case html:
        new IdiomHtmlWriter().write(view, out);
        break;
      default:
        new IdiomJsonWriter().write(view, out);
    }
  }

  private static CostScheme loadScheme(Path file, String scheme) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return CostScheme.load(file.toString(), in, scheme);
    }
  }

  private static OffenceMap loadMap(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return OffenceMap.load(file.toString(), in);
    }
  }

  private static GdpDeflators loadDeflators(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return GdpDeflators.load(file.toString(), in);
    }
  }
}
