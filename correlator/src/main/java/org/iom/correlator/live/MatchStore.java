package org.iom.correlator.live;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.iom.correlator.match.Match;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.postgres.PostgresStore;

/**
 * Where the correlator keeps its matches, one per (crime, offender). Writes replace a crime's
 * whole set, so re-running a crime is idempotent and late data that removes a match withdraws it.
 * Two implementations held to the same contract: PostgreSQL (table {@code matches}) and memory.
 */
public interface MatchStore {

  /**
   * Makes each listed crime's stored matches exactly the given ones (an empty list withdraws them
   * all), atomically for the whole map.
   */
  Future<MatchChanges> replace(Map<String, List<Match>> matchesByCrime);

  /** The crime's matches, by offender id. */
  Future<List<Match>> ofCrime(String crimeRef);

  /** Every match, by crime then offender. */
  Future<List<Match>> all();

  /** The match store beside a record store: the same PostgreSQL database, or memory. */
  static MatchStore beside(Store store) {
    return store instanceof PostgresStore pg ? new PgMatchStore(pg.pool()) : new MemoryMatchStore();
  }
}
