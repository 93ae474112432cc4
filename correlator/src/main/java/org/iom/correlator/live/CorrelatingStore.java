package org.iom.correlator.live;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.iom.correlator.zones.LicenceWatch;
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
import org.iom.ingest.store.Store;
import org.iom.ingest.store.StoreCounts;
import org.iom.ingest.store.StoredRejection;
import org.iom.ingest.store.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's store: the system of record, with the correlator told of every committed fix,
 * assignment and crime, and the licence watch of every fix, assignment and zone. A write's future completes after the store committed the batch and the
 * correlator re-matched what it changes, so a 200 from ingest means the matches are current. A
 * correlator failure never fails the write (the rows are committed; the correlator retries).
 */
public final class CorrelatingStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(CorrelatingStore.class);

  /** Zone changes re-evaluate this far back (older episodes stand as they were raised). */
  public static final Duration ZONE_CHANGE_LOOKBACK = Duration.ofDays(7);

  private final Store records;
  private final LiveCorrelator correlator;
  private final LicenceWatch licences;

  public CorrelatingStore(Store records, LiveCorrelator correlator) {
    this(records, correlator, null);
  }

  /** @param licences the licence-condition watch told of the same writes, or null for none */
  public CorrelatingStore(Store records, LiveCorrelator correlator, LicenceWatch licences) {
    this.records = records;
    this.correlator = correlator;
    this.licences = licences;
  }

  public LiveCorrelator correlator() {
    return correlator;
  }

  /** The store underneath (for derived tables in the same database). */
  public Store records() {
    return records;
  }

  @Override
  public Future<WriteResult> putFixes(List<Fix> fixes) {
    return records.putFixes(fixes).compose(r -> after(r, () -> correlator.fixesCommitted(fixes, r)
        .compose(v -> licences == null ? Future.<Void>succeededFuture() : licences.fixesCommitted(fixes))));
  }

  @Override
  public Future<WriteResult> putAssignments(List<TagAssignment> assignments) {
    return records.putAssignments(assignments).compose(r -> after(r, () -> correlator.assignmentsChanged()
        .compose(v -> licences == null ? Future.<Void>succeededFuture() : licences.assignmentsCommitted(assignments))));
  }

  @Override
  public Future<WriteResult> putCrimes(List<Crime> crimes) {
    return records.putCrimes(crimes).compose(r -> after(r, () -> correlator.crimesCommitted(crimes, r)));
  }

  private static Future<WriteResult> after(WriteResult written, Supplier<Future<Void>> correlate) {
    if (written.accepted() == 0) return Future.succeededFuture(written);
    return correlate.get().transform(done -> {
      if (done.failed()) LOG.warn("correlation after a committed write failed: {}", done.cause().toString());
      return Future.succeededFuture(written);
    });
  }

  @Override
  public Future<WriteResult> putOffenders(List<Offender> offenders) {
    return records.putOffenders(offenders);
  }

  @Override
  public Future<WriteResult> putMemberships(List<CohortMembership> memberships) {
    return records.putMemberships(memberships);
  }

  @Override
  public Future<WriteResult> putOffences(List<ProvenOffence> offences) {
    return records.putOffences(offences);
  }

  @Override
  public Future<WriteResult> putZones(List<Zone> zones) {
    if (licences == null) return records.putZones(zones);
    return records.putZones(zones).compose(r -> after(r, () -> licences.zonesCommitted(zones, ZONE_CHANGE_LOOKBACK)));
  }

  @Override
  public Future<Void> putRejections(RecordKind kind, String source, List<Rejection> rejections) {
    return records.putRejections(kind, source, rejections);
  }

  @Override
  public Future<List<Fix>> fixes(String tagId, Instant from, Instant to) {
    return records.fixes(tagId, from, to);
  }

  @Override
  public Future<Optional<Fix>> lastFixBefore(String tagId, Instant before) {
    return records.lastFixBefore(tagId, before);
  }

  @Override
  public Future<Optional<Fix>> firstFixFrom(String tagId, Instant from) {
    return records.firstFixFrom(tagId, from);
  }

  @Override
  public Future<Long> scanFixes(Instant from, Instant to, Consumer<List<Fix>> batch) {
    return records.scanFixes(from, to, batch);
  }

  @Override
  public Future<List<TagAssignment>> assignments() {
    return records.assignments();
  }

  @Override
  public Future<List<Tag>> tags() {
    return records.tags();
  }

  @Override
  public Future<List<Crime>> crimes(Instant from, Instant to) {
    return records.crimes(from, to);
  }

  @Override
  public Future<Optional<Crime>> crime(String crimeRef) {
    return records.crime(crimeRef);
  }

  @Override
  public Future<List<Offender>> offenders() {
    return records.offenders();
  }

  @Override
  public Future<List<CohortMembership>> memberships() {
    return records.memberships();
  }

  @Override
  public Future<List<ProvenOffence>> offences() {
    return records.offences();
  }

  @Override
  public Future<List<Zone>> zones() {
    return records.zones();
  }

  @Override
  public Future<List<StoredRejection>> rejections(RecordKind kind, int limit) {
    return records.rejections(kind, limit);
  }

  @Override
  public Future<StoreCounts> counts() {
    return records.counts();
  }

  @Override
  public Future<Void> ping() {
    return records.ping();
  }

  @Override
  public boolean isVolatile() {
    return records.isVolatile();
  }

  @Override
  public String describe() {
    return records.describe();
  }

  @Override
  public void close() {
    correlator.close();
    if (licences != null) licences.close();
    records.close();
  }
}
