package org.iom.correlator.report;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The reference data the service prices reports with: the built-in tables until an admin
 * uploads a replacement ({@link #replace}), which is validated whole, kept (in PostgreSQL when the
 * service runs on it, so a restart keeps it) and in force for reports from then on. Thread-safe.
 */
public final class ReferenceTables {
  /** The replaceable tables, by the name used in the API path. */
  public enum Kind {
    COSTS("costs"), OFFENCE_MAP("offence-map"), DEFLATORS("deflators");

    private final String pathName;

    Kind(String pathName) {
      this.pathName = pathName;
    }

    public String pathName() {
      return pathName;
    }

    public static Kind ofPath(String name) {
      for (Kind k : values()) if (k.pathName.equals(name)) return k;
      throw new IllegalArgumentException("reference table '" + name + "' is not one of costs, offence-map, deflators");
    }
  }

  private final Pool pool; // null: memory only
  private final AtomicReference<ReferenceData> current = new AtomicReference<>(ReferenceData.builtIn());

  private ReferenceTables(Pool pool) {
    this.pool = pool;
  }

  /** In memory: uploads last until the process ends. */
  public static ReferenceTables inMemory() {
    return new ReferenceTables(null);
  }

  /** In PostgreSQL: loads the newest upload of each kind (migration V6). */
  public static Future<ReferenceTables> load(Pool pool) {
    ReferenceTables tables = new ReferenceTables(pool);
    return pool.query("SELECT DISTINCT ON (kind) kind, scheme, csv, loaded_by, loaded_at FROM reference_uploads"
        + " ORDER BY kind, upload_id DESC").execute().map(rows -> {
          for (Row r : rows) {
            Kind kind = Kind.ofPath(r.getString("kind"));
            tables.current.set(tables.with(kind, r.getString("scheme"), r.getString("csv"), source(kind,
                r.getString("loaded_by"), r.getOffsetDateTime("loaded_at").toInstant())));
          }
          return tables;
        });
  }

  public ReferenceData current() {
    return current.get();
  }

  /**
   * Validates the CSV as a table of {@code kind} and puts it in force.
   *
   * @param scheme for costs: which scheme of the file to use (null: the file must hold one)
   * @return the reference data now in force
   * @throws ReferenceDataException (through the future) naming the line and the reason
   */
  public Future<ReferenceData> replace(Kind kind, String scheme, String csv, String loadedBy, Instant at) {
    ReferenceData next;
    try {
      next = with(kind, scheme, csv, source(kind, loadedBy, at));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Future<Void> kept = pool == null ? Future.succeededFuture()
        : pool.preparedQuery("INSERT INTO reference_uploads (kind, scheme, csv, loaded_at, loaded_by) VALUES ($1, $2, $3, $4, $5)")
            .execute(Tuple.of(kind.pathName(), scheme, csv, at.atOffset(ZoneOffset.UTC), loadedBy)).mapEmpty();
    return kept.map(v -> {
      synchronized (current) {
        ReferenceData now = current.get();
        ReferenceData merged = switch (kind) {
          case COSTS -> new ReferenceData(next.costScheme(), now.offenceMap(), now.deflators());
          case OFFENCE_MAP -> new ReferenceData(now.costScheme(), next.offenceMap(), now.deflators());
          case DEFLATORS -> new ReferenceData(now.costScheme(), now.offenceMap(), next.deflators());
        };
        current.set(merged);
        return merged;
      }
    });
  }

  /** How an uploaded table is named in messages and in the reports it prices. */
  private static String source(Kind kind, String loadedBy, Instant at) {
    return kind.pathName() + " uploaded by " + loadedBy + " at " + at;
  }

  /** The current data with one table parsed from CSV ({@code source} names it in messages and reports). */
  private ReferenceData with(Kind kind, String scheme, String csv, String source) {
    ReferenceData now = current.get();
    var in = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    return switch (kind) {
      case COSTS -> new ReferenceData(CostScheme.load(source, in, scheme == null || scheme.isBlank() ? null : scheme.strip()),
          now.offenceMap(), now.deflators());
      case OFFENCE_MAP -> new ReferenceData(now.costScheme(), OffenceMap.load(source, in), now.deflators());
      case DEFLATORS -> new ReferenceData(now.costScheme(), now.offenceMap(), GdpDeflators.load(source, in));
    };
  }
}
