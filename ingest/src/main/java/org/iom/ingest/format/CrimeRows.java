package org.iom.ingest.format;

import java.time.Instant;
import java.util.List;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Crime;

/**
 * Crimes: {@code crime_ref, offence_code, committed_from} and a position; optional
 * {@code committed_to} (empty = committed_from), {@code offence_type}, {@code radius_m} (metres,
 * positive). An offence code missing from the reference table is accepted with a warning: forces
 * use local sub-codes, and a crime must not be lost for want of a table row.
 */
final class CrimeRows extends RowKind<Crime> {
  static final int CRIME_REF = 0, OFFENCE_CODE = 1, COMMITTED_FROM = 2, COMMITTED_TO = 3, LAT = 4, LON = 5,
      EASTING = 6, NORTHING = 7, OFFENCE_TYPE = 8, RADIUS_M = 9;
  static final CrimeRows INSTANCE = new CrimeRows();

  private CrimeRows() {
    super("crimes",
        List.of("crime_ref", "offence_code", "committed_from", "committed_to", "lat", "lon", "easting",
            "northing", "offence_type", "radius_m"),
        List.of("crime_ref", "offence_code", "committed_from"), true);
  }

  @Override
  RowDecoder<Crime> newDecoder(ReadOptions options) {
    OffenceCodes codes = options.offenceCodes();
    return (row, line, warnings) -> {
      String ref = Values.required(row, CRIME_REF);
      String code = Values.required(row, OFFENCE_CODE);
      Instant from = Values.requiredInstant(row, COMMITTED_FROM);
      Instant to = Values.optionalInstant(row, COMMITTED_TO);
      Position position = PositionDecoder.decode(row, LAT, LON, EASTING, NORTHING);
      Double radius = Values.optionalNumber(row, RADIUS_M);
      if (radius != null && radius <= 0) {
        throw new BadRowException(row.name(RADIUS_M) + " " + row.get(RADIUS_M) + " must be a positive number of metres");
      }
      Crime crime = new Crime(ref, code, from, to, position, row.get(OFFENCE_TYPE), radius);
      warnIfUnknown(codes, row, OFFENCE_CODE, warnings);
      return crime;
    };
  }

  static void warnIfUnknown(OffenceCodes codes, Fields row, int slot, List<String> warnings) {
    String code = row.get(slot);
    if (!codes.isKnown(code)) {
      warnings.add(row.name(slot) + " '" + code + "' is not a known Home Office offence code; the row is kept,"
          + " but default search radii and cost categories cannot apply to it");
    }
  }
}
