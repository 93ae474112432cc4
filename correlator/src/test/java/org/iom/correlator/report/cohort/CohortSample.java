package org.iom.correlator.report.cohort;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.iom.correlator.alert.Alert;
import org.iom.correlator.alert.AlertKind;
import org.iom.correlator.alert.AlertStatus;
import org.iom.correlator.match.Match;
import org.iom.correlator.match.MatchKind;
import org.iom.correlator.report.CohortScope;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Cohort;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.Crime;
import org.iom.ingest.model.Fix;
import org.iom.ingest.model.Offender;
import org.iom.ingest.model.TagAssignment;

/**
 * A small constructed week whose every figure is worked out by hand in {@link CohortCalculatorHandCheckTest}.
 * Period: FIXED, Europe/London days 2025-03-01 to 2025-03-07 (GMT, so UTC midnights).
 */
final class CohortSample {
  static final LocalDate FROM = LocalDate.of(2025, 3, 1);
  static final LocalDate TO = LocalDate.of(2025, 3, 8);
  static final Instant GENERATED = Instant.parse("2025-04-01T09:00:00Z");
  static final Position HERE = Position.ofGrid(430_000, 433_000);

  private CohortSample() {}

  static CohortRequest request(CohortScope scope) {
    return CohortRequest.of(scope, FROM, TO, GENERATED);
  }

  static Instant t(String iso) {
    return Instant.parse(iso);
  }

  static List<CohortMembership> memberships() {
    return List.of(
        m("A", Cohort.FIXED, "2025-01-01", null),          // on all week
        m("B", Cohort.FIXED, "2025-03-03", "2025-03-05"),  // on 3 and 4 March
        m("C", Cohort.FLEX, "2025-02-01", null),           // other cohort
        m("D", Cohort.FIXED, "2025-02-01", "2025-03-01"),  // left the day the period starts
        m("E", Cohort.FIXED, "2025-03-08", null),          // joins the day after it ends
        m("F", Cohort.FIXED, "2025-03-06", "2025-03-06"),  // left the day it joined: no day on the scheme
        m("G", Cohort.FIXED, "2025-03-02", "2025-04-01"),
        m("G", Cohort.FIXED, "2025-03-02", "2025-04-01"),  // re-sent row
        m("G", Cohort.FIXED, "2024-01-01", "2024-06-01"),  // an old membership
        m("H", Cohort.FIXED, "2025-03-01", null));
  }

  static List<Offender> offenders() {
    return List.of(new Offender("A", "Alan", "m1", Cohort.FIXED), new Offender("B", null, "m1", Cohort.FIXED),
        new Offender("C", null, "m3", Cohort.FLEX), new Offender("G", null, "m2", Cohort.FIXED),
        new Offender("H", null, null, Cohort.FIXED));
  }

  static List<TagAssignment> assignments() {
    return List.of(
        new TagAssignment("A", "T1", t("2025-02-01T00:00:00Z"), null),
        new TagAssignment("B", "T2", t("2025-03-04T12:00:00Z"), t("2025-03-10T00:00:00Z")),
        new TagAssignment("C", "T3", t("2025-02-01T00:00:00Z"), null),
        new TagAssignment("H", "T4", t("2025-03-06T00:00:00Z"), null));
  }

  static List<Fix> fixes() {
    List<Fix> fixes = new ArrayList<>();
    // T1: every minute from 28 Feb 23:55 to 8 Mar 00:05, none strictly between 2 Mar 10:00 and 12:00.
    Instant gapFrom = t("2025-03-02T10:00:00Z");
    Instant gapTo = t("2025-03-02T12:00:00Z");
    for (Instant i = t("2025-02-28T23:55:00Z"); !i.isAfter(t("2025-03-08T00:05:00Z")); i = i.plusSeconds(60)) {
      if (i.isAfter(gapFrom) && i.isBefore(gapTo)) continue;
      fixes.add(Fix.of("T1", i, HERE));
    }
    // T2: one fix before it was fitted, every minute 4 Mar 12:00-18:00, then 5 Mar 06:00-08:00.
    fixes.add(Fix.of("T2", t("2025-03-04T11:00:00Z"), HERE));
    everyMinute(fixes, "T2", "2025-03-04T12:00:00Z", "2025-03-04T18:00:00Z");
    everyMinute(fixes, "T2", "2025-03-05T06:00:00Z", "2025-03-05T08:00:00Z");
    // T3 belongs to a FLEX offender.
    everyMinute(fixes, "T3", "2025-03-02T00:00:00Z", "2025-03-02T01:00:00Z");
    // T4: silent for the first hour after fitting, every minute 6 Mar 01:00 to 7 Mar 00:00, then never again.
    everyMinute(fixes, "T4", "2025-03-06T01:00:00Z", "2025-03-07T00:00:00Z");
    // a re-sent fix is one fix
    fixes.add(Fix.of("T4", t("2025-03-06T01:00:00Z"), HERE));
    return fixes;
  }

  static void everyMinute(List<Fix> out, String tag, String from, String toInclusive) {
    for (Instant i = t(from); !i.isAfter(t(toInclusive)); i = i.plusSeconds(60)) out.add(Fix.of(tag, i, HERE));
  }

  static List<Crime> crimes() {
    return List.of(
        crime("K1", "2025-03-02T10:30:00Z", "2025-03-02T10:45:00Z"),
        crime("K2", "2025-03-04T10:00:00Z", "2025-03-04T11:00:00Z"),
        crime("K3", "2025-02-28T23:00:00Z", "2025-03-01T00:00:00Z"),  // ends the instant the period starts
        crime("K4", "2025-03-08T00:00:00Z", "2025-03-08T01:00:00Z"),  // starts the instant it ends
        crime("K5", "2025-02-20T10:00:00Z", "2025-02-20T11:00:00Z"));
  }

  static List<Match> matches() {
    return List.of(
        match("K1", "A", MatchKind.PRESENT),
        match("K1", "B", MatchKind.GAP),      // B joined on 3 March: not on the scheme at K1
        match("K2", "B", MatchKind.PRESENT),
        match("K2", "C", MatchKind.PRESENT),  // FLEX
        match("K3", "A", MatchKind.GAP),
        match("K4", "A", MatchKind.PRESENT),  // crime outside the period
        match("K2", "G", MatchKind.GAP));
  }

  static List<Alert> alerts() {
    return List.of(
        alert(1, AlertKind.CRIME_PROXIMITY, "A", "K1", AlertStatus.POSITIVE_LINE_OF_ENQUIRY, "2025-03-02T10:40:00Z", false),
        alert(2, AlertKind.CRIME_PROXIMITY, "B", "K2", AlertStatus.ELIMINATED, "2025-03-04T10:30:00Z", false),
        alert(3, AlertKind.CRIME_GAP, "A", "K3", AlertStatus.NEW, "2025-02-28T23:30:00Z", false),
        alert(4, AlertKind.CRIME_GAP, "G", "K2", AlertStatus.ACKNOWLEDGED, "2025-03-04T10:30:00Z", false),
        alert(5, AlertKind.CRIME_GAP, "B", "K1", AlertStatus.NO_FURTHER_ACTION, "2025-03-02T10:30:00Z", false),
        alert(6, AlertKind.CRIME_PROXIMITY, "A", "K2", AlertStatus.NO_FURTHER_ACTION, "2025-03-04T10:30:00Z", true),
        alert(7, AlertKind.CRIME_PROXIMITY, "A", "K4", AlertStatus.NEW, "2025-03-08T00:30:00Z", false),
        alert(8, AlertKind.ZONE_EXCLUSION, "A", null, AlertStatus.NEW, "2025-03-05T20:00:00Z", false),
        alert(9, AlertKind.CURFEW_BREACH, "B", null, AlertStatus.NEW, "2025-03-06T22:00:00Z", false),
        alert(10, AlertKind.TAG_SILENT, "H", null, AlertStatus.NO_FURTHER_ACTION, "2025-03-07T12:00:00Z", false),
        alert(11, AlertKind.ZONE_EXCLUSION, "C", null, AlertStatus.NEW, "2025-03-05T20:00:00Z", false));
  }

  static CohortInputs inputs() {
    return new CohortInputs(memberships(), offenders(), assignments(), crimes(), matches(), alerts(), true);
  }

  static CohortMembership m(String id, Cohort c, String joined, String left) {
    return new CohortMembership(id, c, LocalDate.parse(joined), left == null ? null : LocalDate.parse(left));
  }

  static Crime crime(String ref, String from, String to) {
    return new Crime(ref, "28E", t(from), t(to), HERE, null, null);
  }

  static Match match(String crime, String offender, MatchKind kind) {
    Instant at = t("2025-03-02T10:40:00Z");
    boolean present = kind == MatchKind.PRESENT;
    return new Match(crime, offender, "T", kind, 40, at, present ? 5 : 0, present ? 3 : 0, 0, 100,
        at.minus(Duration.ofHours(1)), at.plus(Duration.ofHours(1)));
  }

  static Alert alert(long id, AlertKind kind, String offender, String crime, AlertStatus status, String occurred,
      boolean withdrawn) {
    Instant raised = t("2025-03-20T09:00:00Z");
    return new Alert(id, "k" + id, kind, offender, crime, crime == null ? "Z1" : null, status, t(occurred),
        new JsonObject(), raised, raised, withdrawn ? raised.plusSeconds(60) : null);
  }
}
