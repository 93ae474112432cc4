package org.iom.ingest.store.memory;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.iom.ingest.format.Rejection;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.Offender;
import org.iom.ingest.model.ProvenOffence;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.model.Tag;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.model.Zone;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.StoreCounts;
import org.iom.ingest.store.StoredRejection;
import org.iom.ingest.store.WriteResult;
import org.iom.ingest.store.merge.AssignmentLedger;
import org.iom.ingest.store.merge.FixBatch;
import org.iom.ingest.store.merge.KeyedUpsert;
import org.iom.ingest.store.merge.StoredTime;

/**
 * The volatile store: everything lives on the heap and is lost when the process ends. Used by
 * the demo, the batch CLI and tests; held to the same contract as the PostgreSQL store.
 *
 * <p>Fixes are kept column-wise per tag in time order ({@link FixColumns}, about 57 bytes per
 * fix plus growth slack); times are kept to the microsecond, as in PostgreSQL. Late fixes are
 * merged in place. Key and duplicate/conflict rules are the shared ones in
 * {@link org.iom.ingest.store.merge}.
 *
 * <p>Thread-safety: one {@link ReentrantReadWriteLock} guards all state. A write batch holds the
 * write lock for its whole duration, so a batch is applied atomically and readers never see half
 * of one; reads share the read lock. {@link #scanFixes} takes the read lock per delivered batch
 * (at most {@value #SCAN_BATCH} fixes of one tag) and calls the consumer with no lock held, so a
 * slow consumer does not stall writers; it therefore sees each tag as of some moment during the
 * scan, not one global snapshot. Futures are returned already completed, on the calling thread.
 */
public final class MemoryStore implements Store {
  static final int SCAN_BATCH = 10_000;

  private final InstantSource clock;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final TreeMap<String, FixColumns> fixesByTag = new TreeMap<>();
  private final TreeMap<String, TreeMap<Instant, TagAssignment>> assignmentsByTag = new TreeMap<>();
  private final TreeMap<String, Offender> offenders = new TreeMap<>();
  private final TreeMap<String, Crime> crimes = new TreeMap<>();
  private final TreeMap<String, Zone> zones = new TreeMap<>();
  private final TreeMap<MembershipKey, CohortMembership> memberships = new TreeMap<>();
  private final HashMap<ProvenOffence, ProvenOffence> offences = new HashMap<>();
  private final List<StoredRejection> rejections = new ArrayList<>();
  private long fixCount;

  /** A store whose rejected rows are stamped with the system clock. */
  public MemoryStore() {
    this(InstantSource.system());
  }

  /** @param clock stamps {@link StoredRejection#receivedAt()} */
  public MemoryStore(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Future<WriteResult> putFixes(List<Fix> fixes) {
    return write(() -> {
      FixBatch batch = FixBatch.of(fixes);
      List<Fix> unique = batch.unique();
      int start = 0;
      while (start < unique.size()) {
        String tag = unique.get(start).tagId();
        int end = start;
        while (end < unique.size() && unique.get(end).tagId().equals(tag)) end++;
        FixColumns columns = fixesByTag.computeIfAbsent(tag, FixColumns::new);
        List<Fix> fresh = new ArrayList<>(end - start);
        for (int k = start; k < end; k++) {
          Fix fix = unique.get(k);
          int at = columns.find(StoredTime.toEpochMicros(fix.recordedAt()));
          if (at >= 0) {
            batch.against(k, columns.positionAt(at));
          } else {
            fresh.add(fix);
          }
        }
        columns.insertSorted(fresh); // already in time order: FixBatch sorts by tag then time
        batch.accept(fresh.size());
        fixCount += fresh.size();
        start = end;
      }
      return batch.result();
    });
  }

  @Override
  public Future<WriteResult> putAssignments(List<TagAssignment> assignments) {
    return write(() -> {
      Map<String, List<TagAssignment>> stored = new HashMap<>();
      for (TagAssignment a : assignments) {
        TreeMap<Instant, TagAssignment> ofTag = assignmentsByTag.get(a.tagId());
        stored.putIfAbsent(a.tagId(), ofTag == null ? List.of() : List.copyOf(ofTag.values()));
      }
      KeyedUpsert.Plan<TagAssignment> plan = AssignmentLedger.plan(assignments, stored);
      for (TagAssignment a : plan.toWrite()) {
        assignmentsByTag.computeIfAbsent(a.tagId(), t -> new TreeMap<>()).put(a.fittedAt(), a);
      }
      return plan.result();
    });
  }

  @Override
  public Future<WriteResult> putCrimes(List<Crime> batch) {
    return upsert(batch.stream().map(StoredTime::truncate).toList(), Crime::crimeRef, crimes);
  }

  @Override
  public Future<WriteResult> putOffenders(List<Offender> batch) {
    return upsert(batch, Offender::offenderId, offenders);
  }

  @Override
  public Future<WriteResult> putMemberships(List<CohortMembership> batch) {
    return upsert(batch, MembershipKey::of, memberships);
  }

  @Override
  public Future<WriteResult> putOffences(List<ProvenOffence> batch) {
    return upsert(batch, Function.identity(), offences);
  }

  @Override
  public Future<WriteResult> putZones(List<Zone> batch) {
    return upsert(batch, Zone::zoneId, zones);
  }

  private <K, V> Future<WriteResult> upsert(List<V> batch, Function<V, K> key, Map<K, V> target) {
    return write(() -> {
      KeyedUpsert.Plan<V> plan = KeyedUpsert.plan(batch, key, target);
      for (V row : plan.toWrite()) target.put(key.apply(row), row);
      return plan.result();
    });
  }

  @Override
  public Future<Void> putRejections(RecordKind kind, String source, List<Rejection> batch) {
    return write(() -> {
      Instant now = clock.instant();
      for (Rejection r : batch) {
        rejections.add(new StoredRejection(kind, source == null ? "" : source, r.line(), r.reason(), r.raw(), now));
      }
      return null;
    });
  }

  @Override
  public Future<List<Fix>> fixes(String tagId, Instant from, Instant to) {
    return read(() -> {
      FixColumns columns = fixesByTag.get(tagId);
      if (columns == null) return List.of();
      int[] range = range(columns, from, to);
      return columns.slice(range[0], range[1]);
    });
  }

  @Override
  public Future<Optional<Fix>> lastFixBefore(String tagId, Instant before) {
    return read(() -> {
      FixColumns columns = fixesByTag.get(tagId);
      if (columns == null) return Optional.<Fix>empty();
      int end = columns.lowerBound(ceilMicros(before));
      return end > 0 ? Optional.of(columns.slice(end - 1, end).get(0)) : Optional.<Fix>empty();
    });
  }

  @Override
  public Future<Optional<Fix>> firstFixFrom(String tagId, Instant from) {
    return read(() -> {
      FixColumns columns = fixesByTag.get(tagId);
      if (columns == null) return Optional.<Fix>empty();
      int start = columns.lowerBound(ceilMicros(from));
      return start < columns.size() ? Optional.of(columns.slice(start, start + 1).get(0)) : Optional.<Fix>empty();
    });
  }

  @Override
  public Future<Long> scanFixes(Instant from, Instant to, Consumer<List<Fix>> batch) {
    try {
      long delivered = 0;
      String tag = null; // the tag being delivered, null before the first
      boolean resuming = false; // true while the current tag has more fixes in range
      long resumeFrom = 0; // epoch micros of the next fix to deliver when resuming
      while (true) {
        List<Fix> chunk;
        Lock readLock = lock.readLock();
        readLock.lock();
        try {
          String current = resuming ? tag : tag == null ? firstTag() : fixesByTag.higherKey(tag);
          if (current == null) break;
          FixColumns columns = fixesByTag.get(current);
          int[] range = range(columns, from, to);
          // Resume by time, not by index: a late fix merged meanwhile shifts indices.
          int start = resuming ? Math.max(range[0], columns.lowerBound(resumeFrom)) : range[0];
          int end = Math.min(range[1], start + SCAN_BATCH);
          chunk = columns.slice(start, end);
          tag = current;
          resuming = end < range[1];
          if (resuming) resumeFrom = columns.microsAt(end);
        } finally {
          readLock.unlock();
        }
        if (!chunk.isEmpty()) {
          batch.accept(chunk);
          delivered += chunk.size();
        }
      }
      return Future.succeededFuture(delivered);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private String firstTag() {
    return fixesByTag.isEmpty() ? null : fixesByTag.firstKey();
  }

  /** Index range {@code [first >= from, first >= to)} after truncating both ends to microseconds. */
  private static int[] range(FixColumns columns, Instant from, Instant to) {
    int start = columns.lowerBound(ceilMicros(from));
    int end = columns.lowerBound(ceilMicros(to));
    return new int[] {start, Math.max(start, end)};
  }

  private static long ceilMicros(Instant t) {
    return StoredTime.toEpochMicros(StoredTime.ceil(t));
  }

  @Override
  public Future<List<TagAssignment>> assignments() {
    return read(() -> {
      List<TagAssignment> all = new ArrayList<>();
      for (TreeMap<Instant, TagAssignment> ofTag : assignmentsByTag.values()) all.addAll(ofTag.values());
      return all;
    });
  }

  @Override
  public Future<List<Tag>> tags() {
    return read(() -> {
      TreeSet<String> ids = new TreeSet<>(fixesByTag.keySet());
      ids.addAll(assignmentsByTag.keySet());
      return ids.stream().map(id -> new Tag(id, Tag.DEFAULT_CADENCE)).toList();
    });
  }

  @Override
  public Future<List<Crime>> crimes(Instant from, Instant to) {
    return read(() -> crimes.values().stream()
        .filter(c -> !c.committedFrom().isAfter(to) && !c.committedTo().isBefore(from))
        .toList());
  }

  @Override
  public Future<Optional<Crime>> crime(String crimeRef) {
    return read(() -> Optional.ofNullable(crimes.get(crimeRef)));
  }

  @Override
  public Future<List<Offender>> offenders() {
    return read(() -> List.copyOf(offenders.values()));
  }

  @Override
  public Future<List<CohortMembership>> memberships() {
    return read(() -> List.copyOf(memberships.values()));
  }

  @Override
  public Future<List<ProvenOffence>> offences() {
    return read(() -> offences.values().stream()
        .sorted(Comparator.comparing(ProvenOffence::offenderId)
            .thenComparing(ProvenOffence::offenceDate)
            .thenComparing(ProvenOffence::offenceCode)
            .thenComparing(ProvenOffence::convictionDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ProvenOffence::crimeRef, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList());
  }

  @Override
  public Future<List<Zone>> zones() {
    return read(() -> List.copyOf(zones.values()));
  }

  @Override
  public Future<List<StoredRejection>> rejections(RecordKind kind, int limit) {
    return read(() -> {
      List<StoredRejection> out = new ArrayList<>();
      // Appended in arrival order; a stable sort puts later arrivals first among equal times.
      for (int i = rejections.size() - 1; i >= 0; i--) {
        if (rejections.get(i).kind() == kind) out.add(rejections.get(i));
      }
      out.sort(Comparator.comparing(StoredRejection::receivedAt).reversed());
      return List.copyOf(out.subList(0, Math.min(Math.max(limit, 0), out.size())));
    });
  }

  @Override
  public Future<StoreCounts> counts() {
    return read(() -> {
      Map<RecordKind, Long> rows = new EnumMap<>(RecordKind.class);
      rows.put(RecordKind.FIXES, fixCount);
      rows.put(RecordKind.ASSIGNMENTS, assignmentsByTag.values().stream().mapToLong(Map::size).sum());
      rows.put(RecordKind.CRIMES, (long) crimes.size());
      rows.put(RecordKind.OFFENDERS, (long) offenders.size());
      rows.put(RecordKind.COHORT_MEMBERSHIPS, (long) memberships.size());
      rows.put(RecordKind.OFFENCES, (long) offences.size());
      rows.put(RecordKind.ZONES, (long) zones.size());
      return new StoreCounts(rows, rejections.size());
    });
  }

  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  @Override
  public boolean isVolatile() {
    return true;
  }

  @Override
  public String describe() {
    return "in-memory";
  }

  @Override
  public void close() {
    // Nothing to release; the data goes with the object.
  }

  private <T> Future<T> write(Callable<T> body) {
    return locked(lock.writeLock(), body);
  }

  private <T> Future<T> read(Callable<T> body) {
    return locked(lock.readLock(), body);
  }

  private static <T> Future<T> locked(Lock held, Callable<T> body) {
    held.lock();
    try {
      return Future.succeededFuture(body.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    } finally {
      held.unlock();
    }
  }

  /** Memberships sort by offender, cohort, joined_on, as {@link Store#memberships()} promises. */
  private record MembershipKey(String offenderId, Cohort cohort, LocalDate joinedOn)
      implements Comparable<MembershipKey> {
    static MembershipKey of(CohortMembership m) {
      return new MembershipKey(m.offenderId(), m.cohort(), m.joinedOn());
    }

    @Override
    public int compareTo(MembershipKey o) {
      int c = offenderId.compareTo(o.offenderId);
      if (c == 0) c = cohort.compareTo(o.cohort);
      return c != 0 ? c : joinedOn.compareTo(o.joinedOn);
    }
  }
}
