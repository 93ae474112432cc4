package org.iom.ingest.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.iom.ingest.format.Rejection;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.Offender;
import org.iom.ingest.model.ProvenOffence;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.model.Tag;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.model.Zone;

/**
 * The system of record. Two implementations that one contract test suite holds to the same
 * behaviour: PostgreSQL (durable) and in-memory (volatile; demo, batch CLI, tests).
 *
 * <p>Writes: a returned future that succeeds means the whole batch is committed (durable for
 * PostgreSQL). Keys and idempotence:
 * <ul>
 *   <li>fixes by {@code (tag_id, recorded_at)}: identical re-send is a duplicate; same key at
 *       another place is a conflict and the first fix is kept;</li>
 *   <li>assignments by {@code (tag_id, fitted_at)}: identical is a duplicate, a changed
 *       {@code removed_at} or offender updates it; one overlapping another assignment of the
 *       same tag is a conflict;</li>
 *   <li>offenders by id, crimes by crime_ref, zones by zone_id, memberships by
 *       {@code (offender_id, cohort, joined_on)}: identical is a duplicate, changed replaces;</li>
 *   <li>proven offences: identical rows are duplicates.</li>
 * </ul>
 * Tags are recorded implicitly from the fixes and assignments that name them.
 *
 * <p>Reads return records ordered as documented. Thread-safe; futures complete on a Vert.x
 * context or immediately (in memory).
 */
public interface Store extends AutoCloseable {

  Future<WriteResult> putFixes(List<Fix> fixes);

  Future<WriteResult> putAssignments(List<TagAssignment> assignments);

  Future<WriteResult> putCrimes(List<Crime> crimes);

  Future<WriteResult> putOffenders(List<Offender> offenders);

  Future<WriteResult> putMemberships(List<CohortMembership> memberships);

  Future<WriteResult> putOffences(List<ProvenOffence> offences);

  Future<WriteResult> putZones(List<Zone> zones);

  /** Keeps rejected input rows (not only counts) so an operator can see and fix them. */
  Future<Void> putRejections(RecordKind kind, String source, List<Rejection> rejections);

  /** A tag's fixes with {@code from <= recorded_at < to}, ordered by time. */
  Future<List<Fix>> fixes(String tagId, Instant from, Instant to);

  /** A tag's latest fix with {@code recorded_at < before}: the edge of the trail just before an instant. */
  Future<Optional<Fix>> lastFixBefore(String tagId, Instant before);

  /** A tag's earliest fix with {@code recorded_at >= from}: the edge of the trail from an instant on. */
  Future<Optional<Fix>> firstFixFrom(String tagId, Instant from);

  /**
   * Every fix with {@code from <= recorded_at < to}, delivered in batches ordered by tag then
   * time; for building the index. Completes with the number of fixes delivered.
   */
  Future<Long> scanFixes(Instant from, Instant to, Consumer<List<Fix>> batch);

  /** All assignments, ordered by tag then fitted_at. */
  Future<List<TagAssignment>> assignments();

  Future<List<Tag>> tags();

  /** Crimes whose {@code [committed_from, committed_to]} overlaps {@code [from, to]}, by crime_ref. */
  Future<List<Crime>> crimes(Instant from, Instant to);

  Future<Optional<Crime>> crime(String crimeRef);

  /** Ordered by offender_id. */
  Future<List<Offender>> offenders();

  /** Ordered by offender_id, cohort, joined_on. */
  Future<List<CohortMembership>> memberships();

  /** Ordered by offender_id, offence_date. */
  Future<List<ProvenOffence>> offences();

  /** Ordered by zone_id. */
  Future<List<Zone>> zones();

  /** Most recent first, at most {@code limit}. */
  Future<List<StoredRejection>> rejections(RecordKind kind, int limit);

  /** Row counts per kind (fixes, assignments, ...), for health and start-up messages. */
  Future<StoreCounts> counts();

  /** Succeeds when the store can serve reads and writes now. */
  Future<Void> ping();

  /** True for the in-memory store: everything is lost when the process ends. */
  boolean isVolatile();

  /** A short description for logs, e.g. {@code postgresql://localhost:5432/iom} or {@code in-memory}. */
  String describe();

  @Override
  void close();
}
