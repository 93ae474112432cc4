package org.iom.correlator.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.iom.correlator.index.TrailIndex;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchFormat;
import org.iom.correlator.match.MatchRule;
import org.iom.ingest.format.InputFormat;
import org.iom.ingest.format.InvalidFileException;
import org.iom.ingest.format.ReadOptions;
import org.iom.ingest.format.Rejection;
import org.iom.ingest.model.Crime;
import org.iom.ingest.pipeline.IngestPipeline;
import org.iom.ingest.pipeline.IngestSummary;
import org.iom.ingest.pipeline.RecordType;
import org.iom.ingest.store.memory.MemoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code correlate}: the analyst's batch run. Reads fixes, assignments and crimes (SPEC.md CSV or
 * NDJSON; fixes also GPX), keeps them in the in-memory store (so duplicates, conflicts and
 * overlapping assignments are settled exactly as the service settles them), builds the trail
 * index and writes one row per (crime, offender) match, sorted by crime then offender.
 * Exit 0 when the files were read (rejected rows reported on stderr), 2 when a file is unusable.
 */
@Command(name = "correlate", mixinStandardHelpOptions = true,
    description = "Cross-reference crimes against tag trails (no database) and write the matches CSV.")
final class CorrelateCommand implements Callable<Integer> {
  private static final int REJECTIONS_SHOWN = 10;
  /** Everything the stores can hold (years 1000 to 9999). */
  static final Instant ALL_FROM = Instant.parse("1000-01-01T00:00:00Z");
  static final Instant ALL_TO = Instant.parse("9999-12-31T23:59:59Z");

  @Option(names = "--fixes", required = true, paramLabel = "FILE", description = "Fixes (CSV, NDJSON or GPX).")
  Path fixes;

  @Option(names = "--assignments", required = true, paramLabel = "FILE", description = "Tag assignments (CSV or NDJSON).")
  Path assignments;

  @Option(names = "--crimes", required = true, paramLabel = "FILE", description = "Crimes (CSV or NDJSON).")
  Path crimes;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Matches CSV to write.")
  Path out;

  @Mixin RuleOptions ruleOptions;

  @Override
  public Integer call() throws Exception {
    PrintStream err = System.err;
    MatchRule rule;
    try {
      rule = ruleOptions.rule();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("correlate: " + e.getMessage());
      return ImportCommand.FILE_UNUSABLE;
    }
    MemoryStore store = new MemoryStore();
    IngestPipeline pipeline = new IngestPipeline(store);
    try {
      load(pipeline, RecordType.ASSIGNMENTS, assignments, err);
      load(pipeline, RecordType.FIXES, fixes, err);
      load(pipeline, RecordType.CRIMES, crimes, err);
    } catch (IllegalArgumentException e) {
      err.println("correlate: " + e.getMessage());
      return ImportCommand.FILE_UNUSABLE;
    }
    TrailIndex index = buildIndex(store, rule);
    List<Crime> all = store.crimes(ALL_FROM, ALL_TO).toCompletionStage().toCompletableFuture().join();
    List<Match> matches = match(index.matcher(rule), all);
    matches.sort(Comparator.comparing(Match::crimeRef).thenComparing(Match::offenderId));
    write(matches);
    err.printf(Locale.ROOT, "correlate: %d crimes against %d fixes: %d matches (%d PRESENT, %d GAP) written to %s%n",
        all.size(), index.fixCount(), matches.size(),
        matches.stream().filter(m -> m.kind().name().equals("PRESENT")).count(),
        matches.stream().filter(m -> m.kind().name().equals("GAP")).count(), out);
    return 0;
  }

  /** Reads one file into the store; reports its rejections; throws when the file is unusable. */
  static void load(IngestPipeline pipeline, RecordType<?> type, Path file, PrintStream err) {
    InputFormat format = InputFormat.fromFileName(file.getFileName().toString()).filter(type::supports)
        .orElseThrow(() -> new IllegalArgumentException(file + ": cannot read " + type.kind().pathName()
            + " from a file with this extension; use " + type.mediaTypes()));
    IngestSummary summary;
    try (InputStream in = Files.newInputStream(file)) {
      summary = pipeline.run(type, format, ReadOptions.defaults(InstantSource.system()), in, file.toString());
    } catch (InvalidFileException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
    }
    if (summary.rejectedCount() > 0) {
      err.println(file + ": " + summary.rejectedCount() + " rows rejected"
          + (summary.rejectedCount() > REJECTIONS_SHOWN ? " (first " + REJECTIONS_SHOWN + " shown)" : ""));
      for (Rejection r : summary.rejected().subList(0, Math.min(REJECTIONS_SHOWN, summary.rejected().size()))) {
        err.println("  " + r);
      }
    }
    if (summary.duplicates() > 0) err.println(file + ": " + summary.duplicates() + " duplicate rows ignored");
  }

  static TrailIndex buildIndex(MemoryStore store, MatchRule rule) {
    TrailIndex.Builder builder = TrailIndex.builder().maxGap(rule.maxGap());
    store.scanFixes(ALL_FROM, ALL_TO, builder::addFixes) // groups each batch by tag
        .toCompletionStage().toCompletableFuture().join();
    builder.assignments(store.assignments().toCompletionStage().toCompletableFuture().join());
    return builder.build();
  }



  private static List<Match> match(CrimeMatcher matcher, List<Crime> crimes) {
    List<Match> matches = new ArrayList<>();
    if (System.console() == null) return new ArrayList<>(matcher.matchAll(crimes));
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("correlate").setInitialMax(crimes.size())
        .setUnit(" crimes", 1).setStyle(ProgressBarStyle.ASCII).build()) {
      for (Crime c : crimes) {
        matches.addAll(matcher.match(c));
        bar.step();
      }
    }
    return matches;
  }

  private void write(List<Match> matches) throws IOException {
    try (BufferedWriter file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      MatchFormat.writeCsv(file, matches);
    }
  }
}
