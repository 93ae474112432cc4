package org.iom.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.iom.ingest.format.Rejection;
import org.iom.ingest.geo.Position;
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
import org.iom.ingest.model.ZoneKind;
import org.iom.ingest.model.ZoneSchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The behaviour every {@link Store} must have. Subclasses supply an empty store per test; the
 * same tests then hold the in-memory and the PostgreSQL store to one contract.
 */
public abstract class StoreContractTest {
  protected static final Instant T0 = Instant.parse("2024-05-14T09:00:00Z");
  protected static final Position DERBY = Position.ofLatLon(52.9225, -1.4746);

  protected final TestClock clock = new TestClock(Instant.parse("2025-01-01T12:00:00Z"));
  protected Store store;

  /** A new, empty store whose rejected rows are stamped with {@code clock}. */
  protected abstract Store newEmptyStore(InstantSource clock) throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newEmptyStore(clock);
  }

  @AfterEach
  void closeStore() {
    if (store != null) store.close();
  }

  protected static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("store call failed: " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError("store call did not complete: " + e, e);
    }
  }

  protected static Fix fix(String tag, Instant at, Position p) {
    return Fix.of(tag, at, p);
  }

  /** A position {@code eastM} metres east and {@code northM} north of {@code p} on the grid. */
  protected static Position moved(Position p, double eastM, double northM) {
    return Position.ofGrid(p.easting() + eastM, p.northing() + northM);
  }

  protected List<Fix> allFixes(String tag) {
    return await(store.fixes(tag, Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z")));
  }

  // ---- fixes ---------------------------------------------------------------------------------

  @Test
  void newFixesAreAcceptedAndReadBackWithEveryField() {
    Fix full = new Fix("T1", T0, DERBY, 4.5, 31.25, 87, "TAMPER");
    Fix bare = fix("T1", T0.plusSeconds(60), moved(DERBY, 10, 0));
    WriteResult r = await(store.putFixes(List.of(full, bare)));
    assertThat(r).isEqualTo(new WriteResult(2, 0, List.of()));
    assertThat(allFixes("T1")).containsExactly(full, bare);
  }

  @Test
  void identicalResentFixesAreCountedAsDuplicates() {
    List<Fix> batch = List.of(fix("T1", T0, DERBY), fix("T1", T0.plusSeconds(60), moved(DERBY, 5, 5)));
    await(store.putFixes(batch));
    // A re-send that moved 5 mm is still the same place (within 1 cm).
    List<Fix> resend = List.of(batch.get(0), fix("T1", T0.plusSeconds(60), moved(DERBY, 5.005, 5)));
    WriteResult r = await(store.putFixes(resend));
    assertThat(r).isEqualTo(new WriteResult(0, 2, List.of()));
    assertThat(allFixes("T1")).hasSize(2);
    assertThat(await(store.counts()).of(RecordKind.FIXES)).isEqualTo(2);
  }

  @Test
  void aFixAtAStoredKeyButAnotherPlaceIsAConflictAndTheFirstIsKept() {
    Fix first = fix("T1", T0, DERBY);
    await(store.putFixes(List.of(first)));
    Fix other = fix("T1", T0, moved(DERBY, 120, 0));
    Fix fresh = fix("T1", T0.plusSeconds(60), DERBY);
    WriteResult r = await(store.putFixes(List.of(fresh, other)));
    assertThat(r.accepted()).isEqualTo(1);
    assertThat(r.duplicates()).isZero();
    assertThat(r.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.index()).isEqualTo(1);
      assertThat(c.reason()).contains("T1", T0.toString(), "another place", "first one is kept");
    });
    assertThat(allFixes("T1")).containsExactly(first, fresh);
  }

  @Test
  void repeatsWithinOneBatchAreSettledFirstWins() {
    Fix a = fix("T1", T0, DERBY);
    Fix aAgain = fix("T1", T0, DERBY);
    Fix aElsewhere = fix("T1", T0, moved(DERBY, 0, 50));
    Fix b = fix("T2", T0, DERBY);
    WriteResult r = await(store.putFixes(List.of(a, aElsewhere, b, aAgain)));
    assertThat(r.accepted()).isEqualTo(2);
    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(r.conflicts()).extracting(WriteResult.Conflict::index).containsExactly(1);
    assertThat(allFixes("T1")).containsExactly(a);
    assertThat(r.accepted() + r.duplicates() + r.conflicts().size()).isEqualTo(4);
  }

  @Test
  void everyRowIsCountedOnceInAMixedBatch() {
    await(store.putFixes(List.of(fix("T1", T0, DERBY), fix("T1", T0.plusSeconds(60), DERBY))));
    List<Fix> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) batch.add(fix("T1", T0.plusSeconds(30L * i), moved(DERBY, i, 0)));
    WriteResult r = await(store.putFixes(batch));
    // i=0 is identical to the stored one; i=2 (T0+60 s) is 2 m away from the stored one.
    assertThat(r.accepted()).isEqualTo(48);
    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(r.conflicts()).extracting(WriteResult.Conflict::index).containsExactly(2);
  }

  @Test
  void outOfOrderAndLateFixesAreReadBackInTimeOrder() {
    List<Fix> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) expected.add(fix("T1", T0.plusSeconds(60L * i), moved(DERBY, i, -i)));
    List<Fix> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(7));
    await(store.putFixes(shuffled.subList(0, 100)));
    await(store.putFixes(shuffled.subList(100, 200)));
    await(store.putFixes(shuffled.subList(200, 300)));
    assertThat(allFixes("T1")).containsExactlyElementsOf(expected);
  }

  @Test
  void fixesRangeIsHalfOpen() {
    List<Fix> batch = List.of(
        fix("T1", T0.minusMillis(1), DERBY), fix("T1", T0, DERBY),
        fix("T1", T0.plusSeconds(60).minusMillis(1), DERBY), fix("T1", T0.plusSeconds(60), DERBY),
        fix("T2", T0, DERBY));
    await(store.putFixes(batch));
    List<Fix> got = await(store.fixes("T1", T0, T0.plusSeconds(60)));
    assertThat(got).extracting(Fix::recordedAt).containsExactly(T0, T0.plusSeconds(60).minusMillis(1));
    assertThat(await(store.fixes("T1", T0, T0))).isEmpty();
    assertThat(await(store.fixes("NOPE", T0, T0.plusSeconds(60)))).isEmpty();
  }

  @Test
  void edgeFixesAroundAnInstant() {
    await(store.putFixes(List.of(
        fix("T1", T0.minusSeconds(600), DERBY), fix("T1", T0, moved(DERBY, 5, 0)),
        fix("T1", T0.plusSeconds(600), moved(DERBY, 10, 0)), fix("T2", T0.plusSeconds(30), DERBY))));
    assertThat(await(store.lastFixBefore("T1", T0)).map(Fix::recordedAt)).contains(T0.minusSeconds(600));
    assertThat(await(store.lastFixBefore("T1", T0.plusMillis(1))).map(Fix::recordedAt)).contains(T0);
    assertThat(await(store.lastFixBefore("T1", T0.minusSeconds(600)))).isEmpty();
    assertThat(await(store.firstFixFrom("T1", T0)).map(Fix::recordedAt)).contains(T0);
    assertThat(await(store.firstFixFrom("T1", T0.plusMillis(1))).map(Fix::recordedAt)).contains(T0.plusSeconds(600));
    assertThat(await(store.firstFixFrom("T1", T0.plusSeconds(601)))).isEmpty();
    assertThat(await(store.firstFixFrom("NOPE", T0))).isEmpty();
    assertThat(await(store.lastFixBefore("T2", T0.plusSeconds(31))).map(Fix::position)).contains(DERBY);
  }

  @Test
  void scanFixesDeliversEveryFixInRangeOrderedByTagThenTime() {
    List<Fix> batch = new ArrayList<>();
    for (String tag : List.of("T3", "T1", "T2")) {
      for (int i = 0; i < 40; i++) batch.add(fix(tag, T0.plusSeconds(3_600L * 24 * i), moved(DERBY, i, 0)));
    }
    Collections.shuffle(batch, new Random(3));
    await(store.putFixes(batch));
    Instant from = T0.plusSeconds(3_600L * 24 * 5);
    Instant to = T0.plusSeconds(3_600L * 24 * 35);
    List<Fix> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    long count = await(store.scanFixes(from, to, b -> {
      sizes.add(b.size());
      seen.addAll(b);
    }));
    assertThat(count).isEqualTo(90).isEqualTo(seen.size());
    assertThat(sizes).allSatisfy(s -> assertThat(s).isPositive());
    List<Fix> expected = batch.stream()
        .filter(f -> !f.recordedAt().isBefore(from) && f.recordedAt().isBefore(to))
        .sorted(java.util.Comparator.comparing(Fix::tagId).thenComparing(Fix::recordedAt))
        .toList();
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(await(store.scanFixes(to, to, b -> {}))).isZero();
  }

  @Test
  void fixesAcrossAMonthEndLandInBothMonthsAndReadBack() {
    // 23:59:59.999Z on 31 March is already 1 April in London (BST): months are UTC months.
    Fix march = fix("T1", Instant.parse("2024-03-31T23:59:59.999Z"), DERBY);
    Fix april = fix("T1", Instant.parse("2024-04-01T00:00:00Z"), moved(DERBY, 30, 0));
    WriteResult r = await(store.putFixes(List.of(april, march)));
    assertThat(r.accepted()).isEqualTo(2);
    assertThat(allFixes("T1")).containsExactly(march, april);
    assertThat(await(store.fixes("T1", Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-05-01T00:00:00Z"))))
        .containsExactly(april);
    assertThat(await(store.fixes("T1", Instant.parse("2024-03-01T00:00:00Z"), Instant.parse("2024-04-01T00:00:00Z"))))
        .containsExactly(march);
  }

  @Test
  void timesAcrossDaylightSavingChangesAreKeptExactly() {
    List<Instant> times = List.of(
        Instant.parse("2024-03-31T00:59:59.999Z"), Instant.parse("2024-03-31T01:00:00Z"),
        Instant.parse("2024-03-31T01:00:00.001Z"),
        // 01:30 local happens twice on 27 October 2024: 00:30Z (BST) and 01:30Z (GMT).
        Instant.parse("2024-10-27T00:30:00.123Z"), Instant.parse("2024-10-27T01:30:00.123Z"),
        Instant.parse("2024-10-27T01:30:00.123456Z"));
    List<Fix> batch = times.stream().map(t -> fix("T1", t, DERBY)).toList();
    assertThat(await(store.putFixes(batch)).accepted()).isEqualTo(6);
    assertThat(allFixes("T1")).extracting(Fix::recordedAt).containsExactlyElementsOf(times);
  }

  @Test
  void timesAreKeptToTheMicrosecond() {
    Instant withNanos = Instant.parse("2024-05-14T09:00:00.123456789Z");
    await(store.putFixes(List.of(fix("T1", withNanos, DERBY))));
    assertThat(allFixes("T1")).extracting(Fix::recordedAt).containsExactly(Instant.parse("2024-05-14T09:00:00.123456Z"));
    // 200 ns later is still the same microsecond: the same key.
    WriteResult r = await(store.putFixes(List.of(fix("T1", withNanos.plusNanos(200), DERBY))));
    assertThat(r.duplicates()).isEqualTo(1);
  }

  @Test
  void aBatchWithATimeOutsideTheStorableYearsFailsWholeAndStoresNothing() {
    List<Fix> batch = List.of(fix("T1", T0, DERBY), fix("T1", Instant.parse("0999-12-31T23:59:59Z"), DERBY));
    Future<WriteResult> result = store.putFixes(batch);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> await(result))
        .hasMessageContaining("fix 1 of the batch", "outside the years 1000-9999");
    assertThat(allFixes("T1")).isEmpty();
  }

  @Test
  void emptyBatchesWriteNothing() {
    assertThat(await(store.putFixes(List.of()))).isEqualTo(WriteResult.EMPTY);
    assertThat(await(store.putAssignments(List.of()))).isEqualTo(WriteResult.EMPTY);
    assertThat(await(store.putCrimes(List.of()))).isEqualTo(WriteResult.EMPTY);
    await(store.putRejections(RecordKind.FIXES, "empty.csv", List.of()));
    assertThat(await(store.counts()).rows().values()).allSatisfy(n -> assertThat(n).isZero());
  }

  @Test
  void tagsAreRecordedFromFixesAndAssignments() {
    await(store.putFixes(List.of(fix("T2", T0, DERBY), fix("T1", T0, DERBY))));
    await(store.putAssignments(List.of(new TagAssignment("O1", "T9", T0, null))));
    assertThat(await(store.tags())).containsExactly(
        new Tag("T1", Tag.DEFAULT_CADENCE), new Tag("T2", Tag.DEFAULT_CADENCE), new Tag("T9", Tag.DEFAULT_CADENCE));
  }

  // ---- assignments ---------------------------------------------------------------------------

  @Test
  void anAssignmentOverlappingAStoredOneOfTheSameTagIsAConflictNamingItsFittedAt() {
    Instant fitted = T0;
    Instant removed = T0.plusSeconds(86_400);
    await(store.putAssignments(List.of(new TagAssignment("O1", "T1", fitted, removed))));
    TagAssignment overlapping = new TagAssignment("O2", "T1", T0.plusSeconds(3_600), null);
    TagAssignment adjacent = new TagAssignment("O2", "T1", removed, null); // half-open: touches, no overlap
    TagAssignment otherTag = new TagAssignment("O3", "T2", T0, null);
    WriteResult r = await(store.putAssignments(List.of(overlapping, adjacent, otherTag)));
    assertThat(r.accepted()).isEqualTo(2);
    assertThat(r.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.index()).isZero();
      assertThat(c.reason()).contains("T1", "fitted_at " + fitted);
    });
    assertThat(await(store.assignments())).containsExactly(
        new TagAssignment("O1", "T1", fitted, removed), adjacent, otherTag);
  }

  @Test
  void assignmentsOverlappingWithinOneBatchKeepTheFirst() {
    TagAssignment first = new TagAssignment("O1", "T1", T0, null);
    TagAssignment second = new TagAssignment("O2", "T1", T0.plusSeconds(60), T0.plusSeconds(120));
    WriteResult r = await(store.putAssignments(List.of(first, second)));
    assertThat(r.accepted()).isEqualTo(1);
    assertThat(r.conflicts()).extracting(WriteResult.Conflict::index).containsExactly(1);
    assertThat(await(store.assignments())).containsExactly(first);
  }

  @Test
  void aRemovedAtForAStoredAssignmentUpdatesItAndAResendIsADuplicate() {
    TagAssignment open = new TagAssignment("O1", "T1", T0, null);
    await(store.putAssignments(List.of(open)));
    TagAssignment closed = new TagAssignment("O1", "T1", T0, T0.plusSeconds(7_200));
    assertThat(await(store.putAssignments(List.of(closed)))).isEqualTo(new WriteResult(1, 0, List.of()));
    assertThat(await(store.putAssignments(List.of(closed)))).isEqualTo(new WriteResult(0, 1, List.of()));
    assertThat(await(store.assignments())).containsExactly(closed);
    // Now the tag is free after removal, and a later fitting may follow.
    TagAssignment next = new TagAssignment("O2", "T1", T0.plusSeconds(7_200), null);
    assertThat(await(store.putAssignments(List.of(next))).accepted()).isEqualTo(1);
    // Re-opening the first one would overlap the next: a conflict, and nothing changes.
    WriteResult reopen = await(store.putAssignments(List.of(open)));
    assertThat(reopen.conflicts()).singleElement()
        .satisfies(c -> assertThat(c.reason()).contains("fitted_at " + next.fittedAt()));
    assertThat(await(store.assignments())).containsExactly(closed, next);
    assertThat(await(store.counts()).of(RecordKind.ASSIGNMENTS)).isEqualTo(2);
  }

  // ---- crimes --------------------------------------------------------------------------------

  private static Crime crime(String ref, Instant from, Instant to) {
    return new Crime(ref, "28E", from, to, DERBY, "burglary residential", null);
  }

  @Test
  void aCrimeIsUpsertedByCrimeRef() {
    Crime original = crime("C1", T0, T0.plusSeconds(3_600));
    assertThat(await(store.putCrimes(List.of(original)))).isEqualTo(new WriteResult(1, 0, List.of()));
    assertThat(await(store.putCrimes(List.of(original)))).isEqualTo(new WriteResult(0, 1, List.of()));
    Crime revised = new Crime("C1", "34B", T0.plusSeconds(600), T0.plusSeconds(900), moved(DERBY, 40, 0), null, 250.0);
    assertThat(await(store.putCrimes(List.of(revised)))).isEqualTo(new WriteResult(1, 0, List.of()));
    assertThat(await(store.crime("C1"))).contains(revised);
    assertThat(await(store.crime("C404"))).isEqualTo(Optional.empty());
    // Repeats of a key within a batch apply in order: [A, A', A'] = 2 accepted, 1 duplicate.
    WriteResult r = await(store.putCrimes(List.of(original, revised, revised)));
    assertThat(r).isEqualTo(new WriteResult(2, 1, List.of()));
    assertThat(await(store.crime("C1"))).contains(revised);
    assertThat(await(store.counts()).of(RecordKind.CRIMES)).isEqualTo(1);
  }

  @Test
  void crimesQueryReturnsThoseWhoseClosedSpanOverlapsTheRange() {
    Instant from = T0;
    Instant to = T0.plusSeconds(3_600);
    Crime endsAtFrom = crime("C-A", from.minusSeconds(600), from);
    Crime startsAtTo = crime("C-B", to, to.plusSeconds(60));
    Crime inside = crime("C-C", from.plusSeconds(60), from.plusSeconds(60));
    Crime spans = crime("C-D", from.minusSeconds(60), to.plusSeconds(60));
    Crime before = crime("C-E", from.minusSeconds(600), from.minusMillis(1));
    Crime after = crime("C-F", to.plusMillis(1), to.plusSeconds(60));
    await(store.putCrimes(List.of(after, spans, before, inside, startsAtTo, endsAtFrom)));
    assertThat(await(store.crimes(from, to))).containsExactly(endsAtFrom, startsAtTo, inside, spans);
  }

  // ---- offenders, memberships, offences, zones -----------------------------------------------

  @Test
  void offendersRoundTripOrderedByIdAndUpsert() {
    Offender a = new Offender("O2", "Alex Smith", "mgr1", Cohort.FIXED);
    Offender b = new Offender("O1", null, null, null);
    assertThat(await(store.putOffenders(List.of(a, b))).accepted()).isEqualTo(2);
    Offender aMoved = new Offender("O2", "Alex Smith", "mgr2", Cohort.FLEX);
    assertThat(await(store.putOffenders(List.of(b, aMoved)))).isEqualTo(new WriteResult(1, 1, List.of()));
    assertThat(await(store.offenders())).containsExactly(b, aMoved);
  }

  @Test
  void membershipsRoundTripOrderedAndKeyedByOffenderCohortAndJoinedOn() {
    LocalDate jan = LocalDate.parse("2023-01-10");
    CohortMembership first = new CohortMembership("O1", Cohort.FIXED, jan, LocalDate.parse("2023-06-30"));
    CohortMembership rejoined = new CohortMembership("O1", Cohort.FIXED, LocalDate.parse("2024-02-01"), null);
    CohortMembership flex = new CohortMembership("O1", Cohort.FLEX, jan, null);
    CohortMembership other = new CohortMembership("O0", Cohort.FREE, jan, null);
    assertThat(await(store.putMemberships(List.of(rejoined, flex, first, other))).accepted()).isEqualTo(4);
    CohortMembership left = new CohortMembership("O1", Cohort.FIXED, LocalDate.parse("2024-02-01"), LocalDate.parse("2024-08-01"));
    assertThat(await(store.putMemberships(List.of(left, first)))).isEqualTo(new WriteResult(1, 1, List.of()));
    assertThat(await(store.memberships())).containsExactly(other, first, left, flex);
  }

  @Test
  void provenOffencesRoundTripAndIdenticalRowsAreDuplicates() {
    ProvenOffence a = new ProvenOffence("O1", LocalDate.parse("2023-03-01"), "28E", LocalDate.parse("2023-05-01"), "C1");
    ProvenOffence b = new ProvenOffence("O1", LocalDate.parse("2023-01-15"), "45", null, null);
    ProvenOffence c = new ProvenOffence("O0", LocalDate.parse("2023-07-01"), "34B", null, null);
    assertThat(await(store.putOffences(List.of(a, b, c, b)))).isEqualTo(new WriteResult(3, 1, List.of()));
    ProvenOffence bConvicted = new ProvenOffence("O1", LocalDate.parse("2023-01-15"), "45", LocalDate.parse("2023-02-01"), null);
    assertThat(await(store.putOffences(List.of(a, b, bConvicted)))).isEqualTo(new WriteResult(1, 2, List.of()));
    assertThat(await(store.offences())).containsExactly(c, b, bConvicted, a);
  }

  @Test
  void zonesRoundTripWithGeometryScheduleGraceAndTolerance() {
    GeometryFactory gf = new GeometryFactory();
    Polygon withHole = gf.createPolygon(
        ring(gf, 435_000.125, 336_000.5, 435_400.25, 336_300.75),
        new LinearRing[] {ring(gf, 435_100, 336_100, 435_200, 336_200)});
    Geometry multi = gf.createMultiPolygon(new Polygon[] {
        gf.createPolygon(ring(gf, 430_000, 330_000, 430_050, 330_050)),
        gf.createPolygon(ring(gf, 431_000, 331_000, 431_080.333, 331_020.1))});
    Zone curfew = new Zone("Z2", "O1", ZoneKind.INCLUSION, ZoneSchedule.parse("19:00-07:00"), withHole,
        "{\"type\":\"Polygon\",\"coordinates\":[]}", 300, 75.5);
    Zone exclusion = new Zone("Z1", "O1", ZoneKind.EXCLUSION, ZoneSchedule.ALWAYS, multi, null,
        Zone.DEFAULT_GRACE_S, Zone.DEFAULT_TOLERANCE_M);
    assertThat(await(store.putZones(List.of(curfew, exclusion))).accepted()).isEqualTo(2);
    List<Zone> zones = await(store.zones());
    assertThat(zones).containsExactly(exclusion, curfew);
    Zone readCurfew = zones.get(1);
    assertThat(readCurfew.area().equalsExact(withHole)).isTrue();
    assertThat(readCurfew.schedule()).isEqualTo(new ZoneSchedule(LocalTime.of(19, 0), LocalTime.of(7, 0)));
    assertThat(readCurfew.graceS()).isEqualTo(300);
    assertThat(readCurfew.toleranceM()).isEqualTo(75.5);
    assertThat(readCurfew.geoJson()).isEqualTo(curfew.geoJson());
    assertThat(await(store.putZones(List.of(exclusion)))).isEqualTo(new WriteResult(0, 1, List.of()));
    Zone moved = new Zone("Z1", "O1", ZoneKind.EXCLUSION, ZoneSchedule.parse("22:00-06:00"), withHole, null, 60, 10);
    assertThat(await(store.putZones(List.of(moved)))).isEqualTo(new WriteResult(1, 0, List.of()));
    assertThat(await(store.zones())).containsExactly(moved, curfew);
  }

  private static LinearRing ring(GeometryFactory gf, double x0, double y0, double x1, double y1) {
    return gf.createLinearRing(new Coordinate[] {
        new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1), new Coordinate(x0, y1),
        new Coordinate(x0, y0)});
  }

  // ---- rejections, counts, health ------------------------------------------------------------

  @Test
  void rejectedRowsAreKeptAndListedNewestFirstPerKind() {
    clock.set(Instant.parse("2025-01-01T12:00:00Z"));
    await(store.putRejections(RecordKind.FIXES, "a.csv", List.of(
        new Rejection(2, "lat 'x' is not a number", "T1,2024-01-01T00:00:00Z,x,1"),
        new Rejection(3, "tag_id is required", ",2024-01-01T00:00:00Z,52,1"))));
    clock.set(Instant.parse("2025-01-01T12:05:00Z"));
    await(store.putRejections(RecordKind.FIXES, "b.ndjson", List.of(new Rejection(1, "not JSON", "{oops"))));
    await(store.putRejections(RecordKind.CRIMES, "c.csv", List.of(new Rejection(9, "crime_ref is required", ""))));
    List<StoredRejection> fixes = await(store.rejections(RecordKind.FIXES, 10));
    assertThat(fixes).containsExactly(
        new StoredRejection(RecordKind.FIXES, "b.ndjson", 1, "not JSON", "{oops", Instant.parse("2025-01-01T12:05:00Z")),
        new StoredRejection(RecordKind.FIXES, "a.csv", 3, "tag_id is required", ",2024-01-01T00:00:00Z,52,1",
            Instant.parse("2025-01-01T12:00:00Z")),
        new StoredRejection(RecordKind.FIXES, "a.csv", 2, "lat 'x' is not a number", "T1,2024-01-01T00:00:00Z,x,1",
            Instant.parse("2025-01-01T12:00:00Z")));
    assertThat(await(store.rejections(RecordKind.FIXES, 1))).extracting(StoredRejection::source).containsExactly("b.ndjson");
    assertThat(await(store.rejections(RecordKind.CRIMES, 10))).extracting(StoredRejection::line).containsExactly(9L);
    assertThat(await(store.rejections(RecordKind.ZONES, 10))).isEmpty();
    assertThat(await(store.counts()).rejections()).isEqualTo(4);
  }

  @Test
  void countsReportStoredRowsPerKind() {
    await(store.putFixes(List.of(fix("T1", T0, DERBY), fix("T1", T0.plusSeconds(1), DERBY), fix("T1", T0, DERBY))));
    await(store.putAssignments(List.of(new TagAssignment("O1", "T1", T0, null))));
    await(store.putCrimes(List.of(crime("C1", T0, T0), crime("C2", T0, T0))));
    await(store.putOffenders(List.of(new Offender("O1", null, null, Cohort.FIXED))));
    await(store.putOffences(List.of(new ProvenOffence("O1", LocalDate.parse("2023-01-01"), "45", null, null))));
    StoreCounts counts = await(store.counts());
    assertThat(counts.of(RecordKind.FIXES)).isEqualTo(2);
    assertThat(counts.of(RecordKind.ASSIGNMENTS)).isEqualTo(1);
    assertThat(counts.of(RecordKind.CRIMES)).isEqualTo(2);
    assertThat(counts.of(RecordKind.OFFENDERS)).isEqualTo(1);
    assertThat(counts.of(RecordKind.OFFENCES)).isEqualTo(1);
    assertThat(counts.of(RecordKind.COHORT_MEMBERSHIPS)).isZero();
    assertThat(counts.of(RecordKind.ZONES)).isZero();
    assertThat(counts.rejections()).isZero();
  }

  @Test
  void pingSucceedsAndTheStoreDescribesItself() {
    await(store.ping());
    assertThat(store.describe()).isNotBlank();
  }

  /** A clock tests move by hand. */
  protected static final class TestClock implements InstantSource {
    private volatile Instant now;

    TestClock(Instant start) {
      now = start;
    }

    void set(Instant t) {
      now = t;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
