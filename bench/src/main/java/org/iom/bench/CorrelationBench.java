package org.iom.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.iom.correlator.index.TrailIndex;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.match.MatchRule;
import org.iom.ingest.model.Crime;

/**
 * The correlation benchmarks of issue 4, as a careful main rather than JMH: one force-year index
 * (about 144 million fixes, ~1.8 GB) takes seconds to build and minutes to generate, so JMH's
 * fork-per-benchmark would regenerate it for every figure. Instead the data are generated once,
 * every timed step is repeated (build 3 times; the crime batch and per-crime latencies after
 * 3 warm-up passes), and medians over the repetitions are reported beside a baseline measured in
 * the same JVM on the same data:
 * <ol>
 *   <li>index build rate from in-memory columns ({@code add} of every tag + {@code build()});</li>
 *   <li>heap bytes per fix of the built index (used heap after full GCs, before and after);</li>
 *   <li>the 8,000-crime batch and per-crime p50/p99, against {@link BruteForceScan} (no index,
 *       same exact stage), whose answers must equal the index's crime by crime;</li>
 *   <li>with {@code --postgis}, the PostGIS comparison on a one-month slice ({@link PostgisBaseline}).</li>
 * </ol>
 * Prints Markdown table rows on stdout and progress on stderr.
 *
 * <p>Usage: {@code CorrelationBench [--days N] [--tags N] [--crimes N] [--postgis]}. Defaults:
 * 365 days from 2025-01-01, 275 tags, 8,000 crimes.
 */
public final class CorrelationBench {
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  static final long SEED = 2025;
  private static final int BUILD_RUNS = 3;
  private static final int WARMUP_PASSES = 3;
  private static final int TIMED_PASSES = 7;
  private static final int BRUTE_PASSES = 3;

  static int crimeCount = 8_000;

  public static void main(String[] args) throws Exception {
    int days = 365, tags = 275;
    boolean postgis = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--days" -> days = Integer.parseInt(args[++i]);
        case "--tags" -> tags = Integer.parseInt(args[++i]);
        case "--crimes" -> crimeCount = Integer.parseInt(args[++i]);
        case "--postgis" -> postgis = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Report report = new Report();
    long started = System.nanoTime();
    TrailColumns data = TrailColumns.generate(tags, days, SEED, START, Runtime.getRuntime().availableProcessors());
    long fixes = data.fixCount();
    double generationSeconds = seconds(started);
    log("generated %,d fixes of %d tags over %d days in %.1f s", fixes, tags, days, generationSeconds);
    List<Crime> crimes = BenchCrimes.place(data, crimeCount, SEED + 1);
    MatchRule rule = MatchRule.defaults();

    // 1-2. Build rate and heap per fix.
    double[] buildRates = new double[BUILD_RUNS];
    double[] addSeconds = new double[BUILD_RUNS];
    double[] buildSeconds = new double[BUILD_RUNS];
    double[] copyRates = new double[BUILD_RUNS];
    double heapPerFix = 0;
    TrailIndex index = null;
    for (int run = 0; run < BUILD_RUNS; run++) {
      index = null;
      long before = Heap.usedAfterGc();
      copyRates[run] = fixes / copyColumnsSeconds(data);
      long t0 = System.nanoTime();
      TrailIndex.Builder builder = TrailIndex.builder().assignments(data.assignments);
      for (int tag = 0; tag < tags; tag++) {
        builder.add(data.tagIds[tag], data.epochMillis[tag], data.easting[tag], data.northing[tag], data.epochMillis[tag].length);
      }
      long t1 = System.nanoTime();
      index = builder.build();
      long t2 = System.nanoTime();
      builder = null;
      addSeconds[run] = (t1 - t0) / 1e9;
      buildSeconds[run] = (t2 - t1) / 1e9;
      buildRates[run] = fixes / ((t2 - t0) / 1e9);
      if (index.fixCount() != fixes) throw new IllegalStateException("index holds " + index.fixCount() + " of " + fixes);
      long after = Heap.usedAfterGc();
      double perFix = (after - before) / (double) fixes;
      if (run == 0 || perFix < heapPerFix) heapPerFix = perFix;
      log("build %d: add %.2f s, build() %.2f s, %,.0f fixes/s; heap %.2f bytes/fix; column copy %,.0f fixes/s",
          run, addSeconds[run], buildSeconds[run], buildRates[run], perFix, copyRates[run]);
    }
    report.value("buildRate", median(buildRates));
    report.value("heapPerFix", heapPerFix);
    report.value("addSeconds", median(addSeconds));
    report.value("buildSeconds", median(buildSeconds));
    report.row("index build from in-memory columns, fixes/s (every tag's `add` + `build()`)", median(buildRates),
        rates(buildRates), "copying the same columns once (`System.arraycopy`, memory floor)", median(copyRates), "%,.0f");
    report.note(String.format(Locale.ROOT, "Build split (medians): `add` %.2f s, `build()` %.2f s for %,d fixes.",
        median(addSeconds), median(buildSeconds), fixes));
    report.row("index heap, bytes per fix (used heap after full GC, with the index minus before)", heapPerFix, "1 (smallest of " + BUILD_RUNS + ")",
        "packed columns minimum: int ms offset + int cm E + int cm N", 12.0, "%.2f");

    // 3. Batch and per-crime latency, index against brute force.
    CrimeMatcher matcher = index.matcher(rule);
    List<Match> matches = null;
    for (int pass = 0; pass < WARMUP_PASSES; pass++) matches = matcher.matchAll(crimes);
    double[] batch = new double[TIMED_PASSES];
    for (int pass = 0; pass < TIMED_PASSES; pass++) {
      long t0 = System.nanoTime();
      matches = matcher.matchAll(crimes);
      batch[pass] = seconds(t0);
    }
    Latency indexLatency = latency(matcher, crimes, TIMED_PASSES);
    log("index: batch %.3f s median; p50 %.1f us, p99 %.1f us", median(batch), indexLatency.p50(), indexLatency.p99());

    BruteForceScan brute = new BruteForceScan(data, rule);
    brute.matchAll(crimes.subList(0, Math.min(500, crimes.size()))); // warm-up
    double[] bruteBatch = new double[BRUTE_PASSES];
    for (int pass = 0; pass < BRUTE_PASSES; pass++) {
      long t0 = System.nanoTime();
      brute.matchAll(crimes);
      bruteBatch[pass] = seconds(t0);
    }
    Latency bruteLatency = latency(brute, crimes, 1);
    int agree = 0;
    for (Crime c : crimes) if (brute.match(c).equals(matcher.match(c))) agree++;
    log("brute force: batch %.3f s median; p50 %.1f us, p99 %.1f us; agrees on %d of %d crimes",
        median(bruteBatch), bruteLatency.p50(), bruteLatency.p99(), agree, crimes.size());

    report.value("batch", median(batch));
    report.value("p50", indexLatency.p50());
    report.value("p99", indexLatency.p99());
    report.value("crimes", crimes.size());
    report.row(String.format(Locale.ROOT, "%,d-crime batch against the index, s, one thread", crimes.size()), median(batch),
        secondsList(batch), "brute-force scan in Java, same crimes", median(bruteBatch), "%.3f");
    report.row("per-crime latency p50, µs (median of " + TIMED_PASSES + " passes over all crimes)", indexLatency.p50(),
        TIMED_PASSES + " x " + crimes.size(), "brute-force scan p50", bruteLatency.p50(), "%.1f");
    report.row("per-crime latency p99, µs", indexLatency.p99(), TIMED_PASSES + " x " + crimes.size(), "brute-force scan p99",
        bruteLatency.p99(), "%.1f");
    long present = matches.stream().filter(m -> m.kind() == MatchKind.PRESENT).count();
    long crimesMatched = matches.stream().map(Match::crimeRef).distinct().count();
    report.note(String.format(Locale.ROOT,
        "Data: %d tags, %d days from %s, %,d fixes (one a minute, with the generator's default dropouts, indoor and "
            + "long gaps, drift spikes and refitted tags; positions rounded to the centimetre), generated from geo-fixtures "
            + "in %.0f s on %d threads and held as columns (24 bytes a fix) outside the index. %,d crimes (seeded; windows 0 min to 8 h; "
            + "3 in 4 placed within 400 m of a trail): the batch finds %,d matches (%,d PRESENT, %,d GAP) on %,d crimes. "
            + "The brute-force scan gives identical matches on %,d of %,d crimes.",
        tags, days, START.toString().substring(0, 10), fixes, generationSeconds, Runtime.getRuntime().availableProcessors(), crimes.size(), matches.size(), present,
        matches.size() - present, crimesMatched, agree, crimes.size()));
    brute = null;

    // 4. PostGIS on one month.
    if (postgis) {
      Instant monthFrom = Instant.parse("2025-03-01T00:00:00Z");
      Instant monthTo = Instant.parse("2025-04-01T00:00:00Z");
      if (monthTo.isAfter(data.end)) {
        monthFrom = START;
        monthTo = data.end;
      }
      TrailColumns month = data.slice(monthFrom, monthTo);
      List<Crime> monthCrimes = BenchCrimes.within(crimes, monthFrom, monthTo, rule.buffer().toMillis());
      index = null;
      matcher = null;
      crimeCount = crimes.size();
      PostgisBaseline.run(month, monthCrimes, rule, report);
    }
    reading(report, fixes);
    report.print();
  }

  /** The targets against this run's figures. */
  private static void reading(Report r, long fixes) {
    List<String> lines = new ArrayList<>();
    lines.add("### Reading these figures (issue 4 targets)");
    lines.add(target(String.format(Locale.ROOT, "%,.0f crimes against the year in under 0.3 s after the build, one thread",
        r.get("crimes")), String.format(Locale.ROOT, "median %.3f s", r.get("batch")), r.get("batch") < 0.3));
    lines.add(target("per-crime p50 under 50 µs", String.format(Locale.ROOT, "%.1f µs", r.get("p50")), r.get("p50") < 50));
    lines.add(target("per-crime p99 under 250 µs", String.format(Locale.ROOT, "%.1f µs", r.get("p99")), r.get("p99") < 250));
    lines.add(target("at most 13 bytes of heap per fix (4 with block-delta coding)",
        String.format(Locale.ROOT, "%.2f bytes (no delta coding)", r.get("heapPerFix")), r.get("heapPerFix") <= 13));
    lines.add(target("index build from in-memory columns at least 100 million fixes/s",
        String.format(Locale.ROOT, "median %,.0f fixes/s: `add` %.2f s + `build()` %.2f s for %,d fixes", r.get("buildRate"),
            r.get("addSeconds"), r.get("buildSeconds"), fixes), r.get("buildRate") >= 100e6));
    if (r.has("speedupExact")) {
      lines.add(target("at least 300x faster per crime than the best exact PostGIS query",
          String.format(Locale.ROOT, "%,.0fx at the median, %,.0fx at p99 (month slice)", r.get("speedupExact"),
              r.get("speedupExactP99")), r.get("speedupExact") >= 300));
    } else {
      lines.add("- PostGIS comparison: not run (`--postgis` not given).");
    }
    r.reading(lines);
  }

  private static String target(String what, String got, boolean met) {
    return "- Target: " + what + ". This run: " + got + (met ? " — **met**." : " — **not met**.");
  }

  /** Per-crime latencies over {@code passes} passes, each crime timed alone. */
  static Latency latency(CrimeMatcher matcher, List<Crime> crimes, int passes) {
    double[] p50 = new double[passes], p99 = new double[passes];
    Histogram all = new Histogram(3_600_000_000L, 3);
    for (int pass = 0; pass < passes; pass++) {
      Histogram h = new Histogram(3_600_000_000L, 3);
      for (Crime c : crimes) {
        long t0 = System.nanoTime();
        List<Match> m = matcher.match(c);
        long ns = System.nanoTime() - t0;
        if (m == null) throw new IllegalStateException();
        h.recordValue(Math.max(1, ns));
      }
      p50[pass] = h.getValueAtPercentile(50) / 1000.0;
      p99[pass] = h.getValueAtPercentile(99) / 1000.0;
      all.add(h);
    }
    return new Latency(median(p50), median(p99), all);
  }

  record Latency(double p50, double p99, Histogram all) {}

  /** Seconds to copy every column once into fresh arrays: the memory traffic any build must at least do. */
  private static double copyColumnsSeconds(TrailColumns data) {
    long t0 = System.nanoTime();
    long sink = 0;
    for (int tag = 0; tag < data.tagIds.length; tag++) {
      long[] t = data.epochMillis[tag].clone();
      double[] x = data.easting[tag].clone();
      double[] y = data.northing[tag].clone();
      sink += t.length + x.length + y.length;
    }
    if (sink < 0) throw new IllegalStateException();
    return seconds(t0);
  }

  static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  static double median(double[] values) {
    return IngestLoad.median(values);
  }

  static String rates(double[] values) {
    List<String> s = new ArrayList<>();
    for (double v : values) s.add(String.format(Locale.ROOT, "%,.0f", v));
    return String.join(", ", s);
  }

  static String secondsList(double[] values) {
    List<String> s = new ArrayList<>();
    for (double v : values) s.add(String.format(Locale.ROOT, "%.3f", v));
    return String.join(", ", s);
  }

  static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, format + "%n", args);
  }

  /** Collects the Markdown rows and notes printed at the end. */
  static final class Report {
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final java.util.Map<String, Double> values = new java.util.HashMap<>();
    private List<String> reading = List.of();

    void value(String name, double v) {
      values.put(name, v);
    }

    double get(String name) {
      Double v = values.get(name);
      if (v == null) throw new IllegalStateException("no figure " + name);
      return v;
    }

    boolean has(String name) {
      return values.containsKey(name);
    }

    void reading(List<String> lines) {
      reading = lines;
    }

    /** A row; {@code ratio} = value / baseline. */
    void row(String what, double value, String runs, String baseline, double baselineValue, String format) {
      rows.add(String.format(Locale.ROOT, "| %s | " + format + " | %s | %s | " + format + " | %s |", what, value, runs,
          baseline, baselineValue, ratio(value, baselineValue)));
    }

    /** A row whose cells are already formatted. */
    void rawRow(String... cells) {
      rows.add("| " + String.join(" | ", cells) + " |");
    }

    void note(String text) {
      notes.add(text);
    }

    void print() {
      System.out.println("| measurement | median | runs | baseline (same run) | median | ratio |");
      System.out.println("|---|---|---|---|---|---|");
      rows.forEach(System.out::println);
      System.out.println();
      notes.forEach(n -> System.out.println(n + "\n"));
      reading.forEach(System.out::println);
    }

    /** value / baseline; below 0.01 written as 1/N, which reads better for large speed-ups. */
    static String ratio(double value, double baseline) {
      double r = value / baseline;
      if (r >= 100) return String.format(Locale.ROOT, "%,.0f", r);
      if (r >= 0.01) return String.format(Locale.ROOT, "%.2f", r);
      return String.format(Locale.ROOT, "1/%,.0f", baseline / value);
    }
  }

  /** Used heap after full collections. */
  static final class Heap {
    static long usedAfterGc() {
      Runtime rt = Runtime.getRuntime();
      for (int i = 0; i < 3; i++) {
        System.gc();
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return rt.totalMemory() - rt.freeMemory();
    }
  }

  private CorrelationBench() {}
}
