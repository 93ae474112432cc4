package org.iom.correlator.live;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.iom.correlator.index.TrailChange;
import org.iom.correlator.index.TrailIndex;
import org.iom.correlator.match.CrimeMatcher;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchRule;
import org.iom.correlator.match.SearchTarget;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.Tag;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's correlation, kept current in both directions: a new or changed crime is matched
 * at once; late fixes re-match exactly the crimes whose windows their trail change touches; a new
 * or changed assignment re-matches the crimes overlapping the time it re-attributes. Whatever the
 * order data arrives in, the stored matches end equal to the batch run's over the same data.
 *
 * <p><b>Hot and cold.</b> Trails from {@code hotFrom} on (plus each tag's last fix before it, so
 * the gap or segment leading in is known) live in a {@link TrailIndex}; a crime whose window
 * starts at or after {@code hotFrom} is matched there. Older crimes are matched against trails
 * read from the store by tag and day through {@link ColdTrails}. The hot window is fixed when the
 * correlator starts.
 *
 * <p><b>Threading.</b> All work runs in order on one thread of its own; the returned futures
 * complete when the work, the matches written included, is done. A failure to write matches
 * leaves the crimes pending: they are retried with the next piece of work and every 30 s.
 */
public final class LiveCorrelator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveCorrelator.class);
  /** Everything the stores can hold (years 1000 to 9999). */
  static final Instant ALL_FROM = Instant.parse("1000-01-01T00:00:00Z");
  static final Instant ALL_TO = Instant.parse("9999-12-31T23:59:59Z");
  private static final int STARTUP_COLD_CHUNK = 25;
  private static final int STARTUP_HOT_CHUNK = 1_000;

  private final Store store;
  private final MatchStore matchStore;
  private final MatchRule rule;
  private final long hotFrom;
  private final long retainedFrom;
  private final ColdTrails cold;
  private final ScheduledExecutorService thread;
  private final CrimeWindows crimes;
  private final List<MatchListener> listeners = new CopyOnWriteArrayList<>();
  // Owned by the correlator's thread:
  private TrailIndex hot;
  private CrimeMatcher hotMatcher;
  private final Map<String, Long> lastBeforeHot = new HashMap<>();
  private Map<AssignmentKey, TagAssignment> assignments = Map.of();
  private final Set<String> pending = new HashSet<>();
  private volatile boolean loaded;
  private volatile Stats stats = new Stats(0, 0, 0, 0);

  private record AssignmentKey(String tagId, Instant fittedAt) {}

  /** What the correlator holds and has done, for health and metrics. */
  public record Stats(long hotFixes, int crimes, long crimesMatched, int pendingCrimes) {}

  private LiveCorrelator(Store store, MatchStore matchStore, CorrelationSettings settings, Instant hotFrom,
      Instant retainedFrom) {
    this.store = store;
    this.retainedFrom = retainedFrom.toEpochMilli();
    this.matchStore = matchStore;
    this.rule = settings.rule();
    this.hotFrom = hotFrom.toEpochMilli();
    this.cold = new ColdTrails(store, settings.coldCacheFixes());
    this.crimes = new CrimeWindows(rule);
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "iom-correlator");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Builds the hot index from the store, then matches every stored crime in the background (hot
   * ones first, cold ones in small chunks so ingest is not held up). The future completes once
   * the first attempt to build the index is over; if the store was unavailable, building is
   * retried before each piece of work and every 30 s (nothing is lost: the data is in the store).
   *
   * @param hotFrom      where the in-memory window starts, e.g. now minus {@link CorrelationSettings#hotWindow()}
   * @param retainedFrom fixes before this may have been purged for retention: a crime whose window
   *                     ends before it is never (re)matched, its stored matches are final
   */
  public static Future<LiveCorrelator> start(Store store, MatchStore matchStore, CorrelationSettings settings, Instant hotFrom,
      Instant retainedFrom, MatchListener... listeners) {
    LiveCorrelator live = new LiveCorrelator(store, matchStore, settings, hotFrom, retainedFrom);
    for (MatchListener l : listeners) live.onMatches(l); // before start-up matching is queued
    live.scheduleRetries();
    return live.submit(() -> {
      try {
        live.ensureLoaded();
      } catch (RuntimeException e) {
        LOG.warn("correlator: cannot read the store yet; retrying: {}", e.toString());
      }
      return live;
    });
  }

  /**
   * Told, on the correlator's thread, of every crime whose stored matches changed (and of crimes
   * retried after a failure). If it throws, those crimes stay pending and are retried, so a
   * listener must be idempotent.
   */
  public void onMatches(MatchListener listener) {
    listeners.add(listener);
  }

  /** Receives crimes' current matches after they were stored. */
  public interface MatchListener {
    /**
     * @param matchesByCrime the current matches of each crime that changed or was retried
     * @param changes        what changed in the stored matches (for counting and logs)
     */
    void matched(Map<String, List<Match>> matchesByCrime, MatchChanges changes);
  }

  /** Fixes the store has just committed; rows it refused as conflicts are left out. */
  public Future<Void> fixesCommitted(List<Fix> batch, WriteResult result) {
    List<Fix> stored = withoutConflicts(batch, result);
    if (stored.isEmpty()) return Future.succeededFuture();
    return submit(() -> {
      if (!ensureLoaded()) return null; // the first load read them from the store
      rematch(crimesTouchedBy(stored));
      return null;
    });
  }

  /** Assignments were written: re-reads them all and re-matches what their changes re-attribute. */
  public Future<Void> assignmentsChanged() {
    return submit(() -> {
      if (!ensureLoaded()) return null;
      rematch(crimesTouchedByAssignmentChanges());
      return null;
    });
  }

  /** Crimes the store has just committed (new or replaced): matched at once. */
  public Future<Void> crimesCommitted(List<Crime> batch, WriteResult result) {
    List<Crime> stored = withoutConflicts(batch, result);
    if (stored.isEmpty()) return Future.succeededFuture();
    return submit(() -> {
      if (!ensureLoaded()) return null;
      stored.forEach(crimes::put);
      rematch(stored);
      return null;
    });
  }

  /**
   * Matches an ad-hoc question (an investigator's enquiry, shaped as a crime that is not stored)
   * against the current trails, hot or cold as for a crime. Nothing is stored.
   */
  public Future<List<Match>> enquire(Crime question) {
    return submit(() -> {
      ensureLoaded();
      return isHot(question) ? hotMatcher.match(question) : coldMatch(question);
    });
  }

  /**
   * As {@link #enquire(Crime)}, measuring distance to another target (an area): the question's
   * location is the target's centre, which it reaches {@code extentM} from.
   */
  public Future<List<Match>> enquire(Crime question, SearchTarget target, double extentM) {
    return submit(() -> {
      ensureLoaded();
      if (isHot(question)) return hotMatcher.match(question, target, extentM);
      return coldIndex(question).matcher(rule).match(question, target, extentM);
    });
  }

  /** Completes when everything submitted so far is done (startup matching included). */
  public Future<Void> idle() {
    return submit(() -> {
      ensureLoaded();
      retryPending();
      return null;
    });
  }

  /** True once the in-memory index has been built from the store. */
  public boolean isLoaded() {
    return loaded;
  }

  public MatchRule rule() {
    return rule;
  }

  public Instant hotFrom() {
    return Instant.ofEpochMilli(hotFrom);
  }

  public Stats stats() {
    return stats;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }

  // ---- work on the correlator's thread ----

  /**
   * Builds the index if it is not built yet. Returns true when it already was (the caller's work
   * applies), false when it was built just now (it read everything stored, the caller's data
   * included, and queued every crime for matching).
   *
   * @throws RuntimeException when the store cannot be read
   */
  private boolean ensureLoaded() {
    if (loaded) return true;
    load();
    loaded = true;
    scheduleStartupMatching();
    return false;
  }

  private void load() {
    lastBeforeHot.clear();
    TrailIndex.Builder builder = TrailIndex.builder().maxGap(rule.maxGap());
    Await.of(store.scanFixes(Instant.ofEpochMilli(hotFrom), ALL_TO, builder::addFixes)); // groups each batch by tag
    for (Tag tag : Await.of(store.tags())) {
      Await.of(store.lastFixBefore(tag.tagId(), Instant.ofEpochMilli(hotFrom))).ifPresent(f -> {
        builder.addFixes(List.of(f));
        lastBeforeHot.put(f.tagId(), f.recordedAt().toEpochMilli());
      });
    }
    List<TagAssignment> all = Await.of(store.assignments());
    assignments = keyed(all);
    hot = builder.assignments(all).build();
    hotMatcher = hot.matcher(rule);
    Await.of(store.crimes(ALL_FROM, ALL_TO)).forEach(crimes::put);
    updateStats();
    LOG.info("correlator: {} fixes in memory from {}, {} crimes known", hot.fixCount(), hotFrom(), crimes.size());
  }

  /** Queues every known crime for matching: hot ones first, cold ones in small chunks. */
  private void scheduleStartupMatching() {
    submit(() -> {
      List<Crime> hotCrimes = new ArrayList<>();
      List<Crime> coldCrimes = new ArrayList<>();
      for (Crime c : crimes.all()) (isHot(c) ? hotCrimes : coldCrimes).add(c);
      hotCrimes.sort(java.util.Comparator.comparing(Crime::crimeRef));
      coldCrimes.sort(java.util.Comparator.comparing(Crime::crimeRef));
      for (int i = 0; i < hotCrimes.size(); i += STARTUP_HOT_CHUNK) {
        rematch(hotCrimes.subList(i, Math.min(hotCrimes.size(), i + STARTUP_HOT_CHUNK)));
      }
      for (int i = 0; i < coldCrimes.size(); i += STARTUP_COLD_CHUNK) {
        List<String> refs = coldCrimes.subList(i, Math.min(coldCrimes.size(), i + STARTUP_COLD_CHUNK))
            .stream().map(Crime::crimeRef).toList();
        // Each chunk is its own task, so ingest interleaves; the crime is re-read in case it changed.
        submit(() -> {
          rematch(refs.stream().map(crimes::get).filter(Objects::nonNull).toList());
          return null;
        });
      }
      LOG.info("correlator: matched {} recent crimes; {} older crimes queued", hotCrimes.size(), coldCrimes.size());
      return null;
    });
  }

  /** Appends what belongs in memory and returns the crimes whose windows the new fixes touch. */
  private Collection<Crime> crimesTouchedBy(List<Fix> fixes) {
    List<Fix> toHot = new ArrayList<>();
    Map<String, long[]> olderByTag = new LinkedHashMap<>(); // tag -> {min, max} of fixes kept out of memory
    for (Fix f : fixes) {
      long t = f.recordedAt().toEpochMilli();
      cold.invalidate(f.tagId(), t);
      if (t >= hotFrom || t > lastBeforeHot.getOrDefault(f.tagId(), Long.MIN_VALUE)) {
        toHot.add(f);
        if (t < hotFrom) lastBeforeHot.put(f.tagId(), t);
      } else {
        olderByTag.merge(f.tagId(), new long[] {t, t}, (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      }
    }
    Map<String, Crime> touched = new TreeMap<>();
    for (TrailChange change : hot.appendFixes(toHot)) {
      addTouching(touched, change.from().toEpochMilli(), change.to().toEpochMilli());
    }
    olderByTag.forEach((tag, span) -> {
      // The trail changed from the fix before the earliest new one to the fix after the latest.
      long from = Await.of(store.lastFixBefore(tag, Instant.ofEpochMilli(span[0])))
          .map(f -> f.recordedAt().toEpochMilli()).orElse(span[0]);
      long to = Await.of(store.firstFixFrom(tag, Instant.ofEpochMilli(span[1] + 1)))
          .map(f -> f.recordedAt().toEpochMilli()).orElse(span[1]);
      addTouching(touched, from, to);
    });
    return touched.values();
  }

  private Collection<Crime> crimesTouchedByAssignmentChanges() {
    List<TagAssignment> all = Await.of(store.assignments());
    Map<AssignmentKey, TagAssignment> next = keyed(all);
    Map<String, Crime> touched = new TreeMap<>();
    Set<AssignmentKey> keys = new HashSet<>(assignments.keySet());
    keys.addAll(next.keySet());
    for (AssignmentKey key : keys) {
      TagAssignment before = assignments.get(key);
      TagAssignment after = next.get(key);
      if (Objects.equals(before, after)) continue;
      // Attribution changes only inside the union of the old and new intervals.
      long from = key.fittedAt().toEpochMilli();
      long to = Math.max(end(before), end(after));
      addTouching(touched, from, to);
    }
    assignments = next;
    hot.setAssignments(all);
    return touched.values();
  }

  private static long end(TagAssignment a) {
    if (a == null) return Long.MIN_VALUE;
    return a.removedAt() == null ? Long.MAX_VALUE : a.removedAt().toEpochMilli();
  }

  private void addTouching(Map<String, Crime> touched, long from, long to) {
    for (Crime c : crimes.touching(from, to)) touched.put(c.crimeRef(), c);
  }

  /** Matches the crimes and replaces their stored matches; on failure they stay pending. */
  private void rematch(Collection<Crime> toMatch) {
    Map<String, Crime> work = new TreeMap<>();
    Set<String> retried = new HashSet<>(pending);
    for (String ref : pending) {
      Crime c = crimes.get(ref);
      if (c != null) work.put(ref, c);
    }
    for (Crime c : toMatch) work.put(c.crimeRef(), c);
    work.values().removeIf(c -> crimes.end(c) < retainedFrom); // their trails may be purged: matches are final
    if (work.isEmpty()) return;
    Map<String, List<Match>> byCrime = new LinkedHashMap<>();
    for (Crime c : work.values()) byCrime.put(c.crimeRef(), isHot(c) ? hotMatcher.match(c) : coldMatch(c));
    try {
      MatchChanges changes = Await.of(matchStore.replace(byCrime));
      Set<String> changed = new HashSet<>(retried);
      changes.created().forEach(m -> changed.add(m.crimeRef()));
      changes.updated().forEach(m -> changed.add(m.crimeRef()));
      changes.withdrawn().forEach(m -> changed.add(m.crimeRef()));
      changed.retainAll(byCrime.keySet());
      if (!changed.isEmpty()) {
        Map<String, List<Match>> current = new TreeMap<>();
        changed.forEach(ref -> current.put(ref, byCrime.get(ref)));
        listeners.forEach(l -> l.matched(current, changes));
      }
      pending.removeAll(byCrime.keySet());
      stats = new Stats(hot.fixCount(), crimes.size(), stats.crimesMatched() + byCrime.size(), pending.size());
    } catch (RuntimeException e) {
      pending.addAll(byCrime.keySet());
      updateStats();
      LOG.warn("correlator: could not store the matches of {} crimes; they are retried: {}", byCrime.size(), e.toString());
    }
  }

  private void retryPending() {
    if (!pending.isEmpty()) rematch(List.of());
  }

  /** A crime older than the hot window: its tags' trails come from the store through the cache. */
  private List<Match> coldMatch(Crime crime) {
    return coldIndex(crime).matcher(rule).match(crime);
  }

  /** A throwaway index of the trails of every tag assigned during the crime's window, from the store. */
  private TrailIndex coldIndex(Crime crime) {
    long w0 = crimes.start(crime);
    long w1 = crimes.end(crime);
    long from = w0 - rule.maxGapMillis();
    long to = w1 + rule.maxGapMillis();
    TrailIndex.Builder builder = TrailIndex.builder().maxGap(rule.maxGap());
    Set<String> tags = new HashSet<>();
    for (TagAssignment a : assignments.values()) {
      boolean overlaps = a.fittedAt().toEpochMilli() <= w1 && end(a) > w0;
      if (overlaps) tags.add(a.tagId());
    }
    for (String tag : tags) {
      TrailColumns trail = cold.around(tag, from, to);
      if (trail.size() > 0) builder.add(tag, trail.epochMillis(), trail.easting(), trail.northing(), trail.size());
    }
    return builder.assignments(assignments.values()).build();
  }

  private boolean isHot(Crime crime) {
    return crimes.start(crime) >= hotFrom;
  }

  private void updateStats() {
    stats = new Stats(hot == null ? 0 : hot.fixCount(), crimes.size(), stats.crimesMatched(), pending.size());
  }

  private <T> Future<T> submit(Callable<T> work) {
    Promise<T> promise = Promise.promise();
    try {
      thread.execute(() -> {
        try {
          promise.complete(work.call());
        } catch (Throwable e) {
          LOG.error("correlator: work failed", e);
          promise.fail(e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      promise.fail(new IllegalStateException("the correlator is closed", e));
    }
    return promise.future();
  }

  private void scheduleRetries() {
    thread.scheduleWithFixedDelay(() -> {
      try {
        ensureLoaded();
        retryPending();
      } catch (RuntimeException e) {
        LOG.warn("correlator: store still unavailable: {}", e.toString());
      }
    }, 30, 30, TimeUnit.SECONDS);
  }

  private static Map<AssignmentKey, TagAssignment> keyed(List<TagAssignment> all) {
    Map<AssignmentKey, TagAssignment> map = new HashMap<>();
    for (TagAssignment a : all) map.put(new AssignmentKey(a.tagId(), a.fittedAt()), a);
    return map;
  }

  private static <T> List<T> withoutConflicts(List<T> batch, WriteResult result) {
    if (result.conflicts().isEmpty()) return batch;
    Set<Integer> refused = new HashSet<>();
    result.conflicts().forEach(c -> refused.add(c.index()));
    List<T> kept = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) if (!refused.contains(i)) kept.add(batch.get(i));
    return kept;
  }
}
