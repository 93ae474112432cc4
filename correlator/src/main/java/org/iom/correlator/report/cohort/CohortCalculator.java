package org.iom.correlator.report.cohort;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.iom.correlator.alert.Alert;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.alert.AlertStatus;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.report.cohort.CohortReport.AlertGroup;
import org.iom.correlator.report.cohort.CohortReport.Alerts;
import org.iom.correlator.report.cohort.CohortReport.Caseload;
import org.iom.correlator.report.cohort.CohortReport.Completeness;
import org.iom.correlator.report.cohort.CohortReport.Crimes;
import org.iom.correlator.report.cohort.CohortReport.OffenderRow;
import org.iom.correlator.report.cohort.CohortReport.People;
import org.iom.correlator.report.cohort.Coverage.Piece;
import org.iom.correlator.report.cohort.FixTally.PieceStats;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.Offender;

/**
 * Computes a {@link CohortReport} from plain inputs; no database, no I/O. Two steps, so that the
 * fixes can be streamed: {@link Coverage#of} says which tags and times matter, a {@link FixTally}
 * built on it is fed the fixes, then {@link #compute}. {@link #compute(CohortRequest, CohortInputs,
 * List)} does all three for a list of fixes. Stateless and thread-safe.
 *
 * <p>Counting rules (docs/cohort-report.md):
 * <ul>
 *   <li>a crime is cross-referenced when its closed span {@code [committed_from, committed_to]}
 *       meets the period {@code [periodStart, periodEnd)};
 *   <li>a match counts when its crime is cross-referenced and its offender was on the scheme (in
 *       scope) at some instant of the crime's span inside the counted period;
 *   <li>a crime alert (CRIME_PROXIMITY, CRIME_GAP) counts under the same rule as its match; a
 *       licence-condition alert counts when it occurred in its offender's on-scheme time;
 *       withdrawn alerts are counted apart, not in outcomes.
 * </ul>
 */
public final class CohortCalculator {
  private static final List<AlertKind> LICENCE_KINDS =
      List.of(AlertKind.ZONE_EXCLUSION, AlertKind.CURFEW_BREACH, AlertKind.CURFEW_NO_DATA, AlertKind.TAG_SILENT);

  /** Builds the coverage, tallies {@code fixes} (any order) and computes. */
  public CohortReport compute(CohortRequest request, CohortInputs inputs, List<Fix> fixes) {
    Coverage coverage = Coverage.of(request, inputs.memberships(), inputs.assignments());
    return compute(request, inputs, coverage, FixTally.of(coverage, request.maxGap(), fixes));
  }

  /** @param tally built on {@code coverage} and fed every fix it needs */
  public CohortReport compute(CohortRequest request, CohortInputs inputs, Coverage coverage, FixTally tally) {
    Set<String> offenders = coverage.offenders();
    Map<String, Offender> records = new HashMap<>();
    for (Offender o : inputs.offenders()) records.put(o.offenderId(), o);

    Map<String, Row> rows = new TreeMap<>();
    for (String id : offenders) {
      Offender o = records.get(id);
      rows.put(id, new Row(id, o == null ? null : o.managerId()));
    }
    Map<Cohort, Set<String>> byCohort = new EnumMap<>(Cohort.class);
    for (CohortMembership m : coverage.memberships()) {
      byCohort.computeIfAbsent(m.cohort(), k -> new TreeSet<>()).add(m.offenderId());
      rows.get(m.offenderId()).cohorts.add(m.cohort());
    }

    Set<TagAssignmentKey> assignments = new java.util.HashSet<>();
    for (Piece p : coverage.allPieces()) {
      PieceStats s = tally.stats(p);
      Row row = rows.get(p.offenderId());
      row.tags.add(p.tagId());
      row.taggedMs += p.span().millis();
      row.received += s.received();
      row.gaps += s.gaps();
      row.gapMs += s.gapMs();
      row.silentMs += s.silentMs();
      assignments.add(new TagAssignmentKey(p.assignment().tagId(), p.assignment().fittedAt()));
    }

    BigDecimal cadenceMs = BigDecimal.valueOf(request.cadence().toMillis());
    long taggedMs = 0;
    long received = 0;
    long gapMs = 0;
    long silentMs = 0;
    int gaps = 0;
    int tagged = 0;
    Map<CompletenessBand, Integer> bands = zeros(CompletenessBand.values(), CompletenessBand.class);
    for (Row r : rows.values()) {
      if (r.taggedMs == 0) continue;
      tagged++;
      taggedMs += r.taggedMs;
      received += r.received;
      gapMs += r.gapMs;
      silentMs += r.silentMs;
      gaps += r.gaps;
      bands.merge(CompletenessBand.of(percent(r.received, expected(r.taggedMs, cadenceMs)).orElseThrow()), 1, Integer::sum);
    }
    Map<Cohort, Integer> cohortCounts = new EnumMap<>(Cohort.class);
    byCohort.forEach((c, ids) -> cohortCounts.put(c, ids.size()));
    People people = new People(offenders.size(), coverage.memberships().size(), cohortCounts, tagged,
        assignments.size(), taggedMs);
    BigDecimal expected = expected(taggedMs, cadenceMs);
    Completeness completeness = new Completeness(received, expected, percent(received, expected), gaps, gapMs,
        silentMs, bands);

    Map<String, Crime> crossReferenced = crossReferenced(request, inputs.crimes());
    Crimes crimes = crimes(coverage, crossReferenced, inputs.matches(), rows);
    Alerts alerts = alerts(coverage, crossReferenced, inputs, rows);
    Caseload caseload = caseload(offenders, records);

    List<OffenderRow> offenderRows = new ArrayList<>();
    for (Row r : rows.values()) {
      BigDecimal e = expected(r.taggedMs, cadenceMs);
      offenderRows.add(new OffenderRow(r.id, r.managerId, r.cohorts, new ArrayList<>(r.tags), r.taggedMs, r.received,
          e, percent(r.received, e), r.gaps, r.gapMs, r.silentMs, r.present, r.gap, r.crimeAlerts, r.positive,
          r.licenceAlerts));
    }
    return new CohortReport(request, people, completeness, crimes, alerts, caseload, offenderRows);
  }

  private static Map<String, Crime> crossReferenced(CohortRequest request, List<Crime> crimes) {
    Instant start = request.periodStart();
    Instant end = request.periodEnd();
    Map<String, Crime> out = new TreeMap<>();
    for (Crime c : crimes) {
      if (c.committedFrom().isBefore(end) && !c.committedTo().isBefore(start)) out.put(c.crimeRef(), c);
    }
    return out;
  }

  private static boolean counted(Coverage coverage, Map<String, Crime> crimes, String crimeRef, String offenderId) {
    Crime c = crimeRef == null ? null : crimes.get(crimeRef);
    return c != null && coverage.onSchemeDuring(offenderId, c.committedFrom(), c.committedTo());
  }

  private static Crimes crimes(Coverage coverage, Map<String, Crime> crossReferenced, List<Match> matches,
      Map<String, Row> rows) {
    Map<String, Match> unique = new LinkedHashMap<>();
    for (Match m : matches) {
      if (counted(coverage, crossReferenced, m.crimeRef(), m.offenderId())) {
        unique.put(m.crimeRef() + "\u0000" + m.offenderId(), m);
      }
    }
    Map<MatchKind, Integer> byKind = zeros(MatchKind.values(), MatchKind.class);
    Set<String> crimes = new TreeSet<>();
    Set<String> offenders = new TreeSet<>();
    for (Match m : unique.values()) {
      byKind.merge(m.kind(), 1, Integer::sum);
      crimes.add(m.crimeRef());
      offenders.add(m.offenderId());
      Row row = rows.get(m.offenderId());
      if (m.kind() == MatchKind.PRESENT) row.present++;
      else row.gap++;
    }
    return new Crimes(crossReferenced.size(), crimes.size(), offenders.size(), byKind);
  }

  private static Alerts alerts(Coverage coverage, Map<String, Crime> crossReferenced, CohortInputs inputs,
      Map<String, Row> rows) {
    GroupCounter crime = new GroupCounter();
    GroupCounter licence = new GroupCounter();
    Map<AlertKind, Integer> licenceByKind = new EnumMap<>(AlertKind.class);
    for (AlertKind k : LICENCE_KINDS) licenceByKind.put(k, 0);
    Map<Long, Alert> unique = new TreeMap<>();
    for (Alert a : inputs.alerts()) unique.put(a.alertId(), a);
    for (Alert a : unique.values()) {
      if (a.offenderId() == null || !coverage.onScheme(a.offenderId())) continue;
      Row row = rows.get(a.offenderId());
      if (a.kind().isCrime()) {
        if (!counted(coverage, crossReferenced, a.crimeRef(), a.offenderId())) continue;
        crime.add(a);
        if (a.withdrawnAt() == null) {
          row.crimeAlerts++;
          if (a.status() == AlertStatus.POSITIVE_LINE_OF_ENQUIRY) row.positive++;
        }
      } else {
        if (!coverage.onSchemeAt(a.offenderId(), a.occurredAt())) continue;
        licence.add(a);
        if (a.withdrawnAt() == null) {
          licenceByKind.merge(a.kind(), 1, Integer::sum);
          row.licenceAlerts++;
        }
      }
    }
    return new Alerts(inputs.alertsAvailable(), crime.group(), licence.group(), licenceByKind);
  }

  private static Caseload caseload(Set<String> offenders, Map<String, Offender> records) {
    Map<String, Integer> byManager = new TreeMap<>();
    int unassigned = 0;
    int missing = 0;
    for (String id : offenders) {
      Offender o = records.get(id);
      if (o == null) missing++;
      if (o == null || o.managerId() == null) unassigned++;
      else byManager.merge(o.managerId(), 1, Integer::sum);
    }
    return new Caseload(new TreeMap<>(byManager), unassigned, missing);
  }

  static BigDecimal expected(long taggedMs, BigDecimal cadenceMs) {
    return BigDecimal.valueOf(taggedMs).divide(cadenceMs, CohortReport.PRECISION);
  }

  static Optional<BigDecimal> percent(long received, BigDecimal expected) {
    if (expected.signum() == 0) return Optional.empty();
    return Optional.of(BigDecimal.valueOf(received).multiply(BigDecimal.valueOf(100))
        .divide(expected, CohortReport.PRECISION));
  }

  private static <K extends Enum<K>> Map<K, Integer> zeros(K[] keys, Class<K> type) {
    Map<K, Integer> map = new EnumMap<>(type);
    for (K k : keys) map.put(k, 0);
    return map;
  }

  private record TagAssignmentKey(String tagId, Instant fittedAt) {}

  private static final class GroupCounter {
    final Map<AlertOutcome, Integer> byOutcome = zeros(AlertOutcome.values(), AlertOutcome.class);
    int total;
    int fresh;
    int acknowledged;
    int withdrawn;

    void add(Alert a) {
      if (a.withdrawnAt() != null) {
        withdrawn++;
        return;
      }
      total++;
      byOutcome.merge(AlertOutcome.of(a.status()), 1, Integer::sum);
      if (a.status() == AlertStatus.NEW) fresh++;
      if (a.status() == AlertStatus.ACKNOWLEDGED) acknowledged++;
    }

    AlertGroup group() {
      return new AlertGroup(total, byOutcome, fresh, acknowledged, withdrawn);
    }
  }

  /** Running figures of one offender. */
  private static final class Row {
    final String id;
    final String managerId;
    final Set<Cohort> cohorts = java.util.EnumSet.noneOf(Cohort.class);
    final Set<String> tags = new TreeSet<>();
    long taggedMs;
    long received;
    int gaps;
    long gapMs;
    long silentMs;
    int present;
    int gap;
    int crimeAlerts;
    int positive;
    int licenceAlerts;

    Row(String id, String managerId) {
      this.id = id;
      this.managerId = managerId;
    }
  }
}
