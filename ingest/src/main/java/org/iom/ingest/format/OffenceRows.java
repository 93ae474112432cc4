package org.iom.ingest.format;

import java.util.List;
import org.iom.ingest.model.ProvenOffence;

/**
 * Proven offences: {@code offender_id, offence_date, offence_code}; optional
 * {@code conviction_date, crime_ref}. An unknown offence code is accepted with a warning (the
 * IDIOM report counts it as uncosted).
 */
final class OffenceRows extends RowKind<ProvenOffence> {
  static final int OFFENDER_ID = 0, OFFENCE_DATE = 1, OFFENCE_CODE = 2, CONVICTION_DATE = 3, CRIME_REF = 4;
  static final OffenceRows INSTANCE = new OffenceRows();

  private OffenceRows() {
    super("offences", List.of("offender_id", "offence_date", "offence_code", "conviction_date", "crime_ref"),
        List.of("offender_id", "offence_date", "offence_code"), false);
  }

  @Override
  RowDecoder<ProvenOffence> newDecoder(ReadOptions options) {
    OffenceCodes codes = options.offenceCodes();
    return (row, line, warnings) -> {
      ProvenOffence offence = new ProvenOffence(
          Values.required(row, OFFENDER_ID),
          Values.requiredDate(row, OFFENCE_DATE),
          Values.required(row, OFFENCE_CODE),
          Values.optionalDate(row, CONVICTION_DATE),
          row.get(CRIME_REF));
      CrimeRows.warnIfUnknown(codes, row, OFFENCE_CODE, warnings);
      return offence;
    };
  }
}
