package org.iom.correlator.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.iom.correlator.index.TrailIndex;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.match.MatchRule;
import org.iom.fixtures.Scenario;
import org.iom.fixtures.ScenarioConfig;
import org.iom.fixtures.ScenarioGenerator;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.memory.MemoryStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever order fixes, assignments and crimes arrive in (late fixes, crimes before their trails,
 * assignments after their fixes, a crime corrected after it was matched, some data already stored
 * when the service starts), the service's stored matches end equal, field by field, to the batch
 * run over the final data. The in-memory window starts mid-scenario, so both the in-memory index
 * and the cold path through the store are exercised.
 */
class LiveCorrelatorArrivalOrderTest {
  private static final Instant FAR_PAST = Instant.parse("1000-01-01T00:00:00Z");
  private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void shuffledArrivalEndsWithTheBatchMatches(long seed) {
    Scenario scenario = ScenarioGenerator.generate(ScenarioConfig.of(8, 3, 100 + seed));
    Random random = new Random(seed);
    List<Function<Store, Future<?>>> arrivals = new ArrayList<>();

    List<Fix> fixes = new ArrayList<>(scenario.fixesAsUploaded().toList());
    Collections.shuffle(fixes, random);
    for (List<Fix> chunk : chunks(fixes, 40)) arrivals.add(store -> store.putFixes(chunk));
    for (TagAssignment a : scenario.assignments()) {
      if (a.removedAt() != null && isLastOfItsTag(a, scenario.assignments())) {
        // Also sent as still fitted: whichever version comes last is the final data.
        TagAssignment open = new TagAssignment(a.offenderId(), a.tagId(), a.fittedAt(), null);
        arrivals.add(store -> store.putAssignments(List.of(open)));
      }
    }
    for (List<TagAssignment> chunk : chunks(scenario.assignments(), 3)) arrivals.add(store -> store.putAssignments(chunk));
    List<Crime> crimes = new ArrayList<>(scenario.crimes());
    Crime corrected = crimes.get(random.nextInt(crimes.size()));
    Crime misplaced = new Crime(corrected.crimeRef(), corrected.offenceCode(), corrected.committedFrom().minusSeconds(7_200),
        corrected.committedTo().minusSeconds(7_200), Position.ofGrid(corrected.location().easting() + 3_000,
        corrected.location().northing()), corrected.offenceType(), corrected.radiusM());
    arrivals.add(store -> store.putCrimes(List.of(misplaced)));
    for (List<Crime> chunk : chunks(crimes, 6)) arrivals.add(store -> store.putCrimes(chunk));
    Collections.shuffle(arrivals, random);

    // Some arrivals are already stored when the service starts.
    MemoryStore records = new MemoryStore();
    int preloaded = random.nextInt(arrivals.size() / 2);
    for (int i = 0; i < preloaded; i++) await(arrivals.get(i).apply(records));
    Instant hotFrom = scenario.config().start().plus(Duration.ofHours(30 + random.nextInt(12)));
    MemoryMatchStore matches = new MemoryMatchStore();
    LiveCorrelator live = await(LiveCorrelator.start(records, matches, CorrelationSettings.defaults(), hotFrom, FAR_PAST));
    CorrelatingStore service = new CorrelatingStore(records, live);
    for (int i = preloaded; i < arrivals.size(); i++) await(arrivals.get(i).apply(service));
    await(live.idle());

    List<Match> expected = batch(records, MatchRule.defaults());
    List<Match> actual = await(matches.all());
    assertThat(expected).extracting(Match::kind).contains(MatchKind.PRESENT, MatchKind.GAP);
    assertThat(actual).containsExactlyElementsOf(expected);
    live.close();
  }

  /** The batch command's computation over the final stored data. */
  private static List<Match> batch(MemoryStore records, MatchRule rule) {
    TrailIndex.Builder builder = TrailIndex.builder().maxGap(rule.maxGap());
    await(records.scanFixes(FAR_PAST, FAR_FUTURE, builder::addFixes));
    TrailIndex index = builder.assignments(await(records.assignments())).build();
    List<Match> all = new ArrayList<>(index.matcher(rule).matchAll(await(records.crimes(FAR_PAST, FAR_FUTURE))));
    all.sort(Comparator.comparing(Match::crimeRef).thenComparing(Match::offenderId));
    return all;
  }

  private static boolean isLastOfItsTag(TagAssignment a, List<TagAssignment> all) {
    return all.stream().filter(o -> o.tagId().equals(a.tagId())).allMatch(o -> !o.fittedAt().isAfter(a.fittedAt()));
  }

  private static <T> List<List<T>> chunks(List<T> all, int count) {
    List<List<T>> out = new ArrayList<>();
    int size = Math.max(1, (all.size() + count - 1) / count);
    for (int i = 0; i < all.size(); i += size) out.add(List.copyOf(all.subList(i, Math.min(all.size(), i + size))));
    return out;
  }

  private static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().join();
  }
}
