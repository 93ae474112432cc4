package org.iom.ingest.pipeline;

import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.BiFunction;
import org.iom.ingest.format.InputFormat;
import org.iom.ingest.format.ReadOptions;
import org.iom.ingest.format.Readers;
import org.iom.ingest.format.RecordReader;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.Offender;
import org.iom.ingest.model.ProvenOffence;
import org.iom.ingest.model.RecordKind;
import org.iom.ingest.model.TagAssignment;
import org.iom.ingest.model.Zone;
import org.iom.ingest.store.Store;
import org.iom.ingest.store.WriteResult;

/** Binds a record kind to its reader and to the store method that keeps it. */
public record RecordType<T>(
    RecordKind kind,
    Set<InputFormat> formats,
    BiFunction<InputFormat, ReadOptions, RecordReader<T>> readers,
    BiFunction<Store, List<T>, Future<WriteResult>> writer) {

  private static final Set<InputFormat> TABULAR = EnumSet.of(InputFormat.CSV, InputFormat.NDJSON);

  public static final RecordType<Fix> FIXES = new RecordType<>(RecordKind.FIXES, EnumSet.of(InputFormat.CSV, InputFormat.NDJSON, InputFormat.GPX), Readers::fixes, Store::putFixes);
  public static final RecordType<TagAssignment> ASSIGNMENTS =
      new RecordType<>(RecordKind.ASSIGNMENTS, TABULAR, Readers::assignments, Store::putAssignments);
  public static final RecordType<Crime> CRIMES = new RecordType<>(RecordKind.CRIMES, TABULAR, Readers::crimes, Store::putCrimes);
  public static final RecordType<Offender> OFFENDERS =
      new RecordType<>(RecordKind.OFFENDERS, TABULAR, Readers::offenders, Store::putOffenders);
  public static final RecordType<CohortMembership> MEMBERSHIPS =
      new RecordType<>(RecordKind.COHORT_MEMBERSHIPS, TABULAR, Readers::memberships, Store::putMemberships);
  public static final RecordType<ProvenOffence> OFFENCES =
      new RecordType<>(RecordKind.OFFENCES, TABULAR, Readers::offences, Store::putOffences);
  public static final RecordType<Zone> ZONES = new RecordType<>(RecordKind.ZONES, EnumSet.of(InputFormat.GEOJSON), Readers::zones, Store::putZones);

  public static RecordType<?> of(RecordKind kind) {
    return switch (kind) {
      case FIXES -> FIXES;
      case ASSIGNMENTS -> ASSIGNMENTS;
      case CRIMES -> CRIMES;
      case OFFENDERS -> OFFENDERS;
      case COHORT_MEMBERSHIPS -> MEMBERSHIPS;
      case OFFENCES -> OFFENCES;
      case ZONES -> ZONES;
    };
  }

  public boolean supports(InputFormat format) {
    return formats.contains(format);
  }

  /** The media types this kind is accepted in, for error messages. */
  public String mediaTypes() {
    return formats.stream().map(InputFormat::mediaType).collect(Collectors.joining(", "));
  }

  /** @throws IllegalArgumentException when this kind cannot be read in that format */
  public RecordReader<T> reader(InputFormat format, ReadOptions options) {
    return readers.apply(format, options);
  }

  public Future<WriteResult> write(Store store, List<T> rows) {
    return writer.apply(store, rows);
  }
}
