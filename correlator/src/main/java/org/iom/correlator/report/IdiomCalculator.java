package org.iom.correlator.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.iom.correlator.report.IdiomReport.CategoryTotal;
import org.iom.correlator.report.IdiomReport.Change;
import org.iom.correlator.report.IdiomReport.ExcludedMembership;
import org.iom.correlator.report.IdiomReport.MembershipRow;
import org.iom.correlator.report.IdiomReport.MembershipWindow;
import org.iom.correlator.report.IdiomReport.Overlap;
import org.iom.correlator.report.IdiomReport.ProvisionalWindow;
import org.iom.correlator.report.IdiomReport.UncostedTotal;
import org.iom.correlator.report.IdiomReport.WindowSummary;
import org.iom.ingest.model.CohortMembership;
import org.iom.ingest.model.ProvenOffence;

/**
 * Computes an {@link IdiomReport} from cohort memberships and proven offences. Pure: no I/O, no
 * clock (the report date is in the request). Stateless after construction and thread-safe.
 * Cost: O(memberships x offences per offender), plus sorting.
 *
 * <p>Rules (DOMAIN.md "IDIOM-style windows"; edge cases in docs/idiom.md): windows are per
 * membership and half-open; offences are placed by offence date; identical offence records
 * count once; offences dated after the report date are ignored; memberships joining after the
 * report date are excluded and listed.
 */
public final class IdiomCalculator {
  private static final Comparator<CohortMembership> MEMBERSHIP_ORDER =
      Comparator.comparing(CohortMembership::offenderId)
          .thenComparing(CohortMembership::joinedOn)
          .thenComparing(m -> m.cohort().name());

  private final ReferenceData reference;
  private final OffenceCosting costing;

  public IdiomCalculator(ReferenceData reference) {
    this.reference = reference;
    this.costing = new OffenceCosting(reference);
  }

  /**
   * @throws IllegalArgumentException when a deflator needed for the price year is missing, or two
   *     memberships share {@code (offender_id, cohort, joined_on)} with different {@code left_on}
   */
  public IdiomReport compute(List<CohortMembership> memberships, List<ProvenOffence> offences, IdiomRequest request) {
    checkDeflatorsCover(request.priceYear());
    LocalDate asOf = request.asOf();
    LocalDate cutoff = asOf.plusDays(1);

    List<CohortMembership> included = new ArrayList<>();
    List<ExcludedMembership> excluded = new ArrayList<>();
    for (CohortMembership m : distinctMemberships(memberships)) {
      if (!request.scope().includes(m.cohort())) continue;
      if (m.joinedOn().isAfter(asOf)) {
        excluded.add(new ExcludedMembership(m, "joins on " + m.joinedOn() + ", after the report date"));
      } else {
        included.add(m);
      }
    }
    included.sort(MEMBERSHIP_ORDER);
    excluded.sort(Comparator.comparing(ExcludedMembership::membership, MEMBERSHIP_ORDER));

    Set<String> cohortOffenders = new HashSet<>();
    for (CohortMembership m : included) cohortOffenders.add(m.offenderId());

    Set<ProvenOffence> distinctOffences = new LinkedHashSet<>(offences);
    int duplicates = offences.size() - distinctOffences.size();
    int afterAsOf = 0;
    Map<String, List<ProvenOffence>> byOffender = new HashMap<>();
    for (ProvenOffence o : distinctOffences) {
      if (!cohortOffenders.contains(o.offenderId())) continue;
      if (o.offenceDate().isAfter(asOf)) {
        afterAsOf++;
        continue;
      }
      byOffender.computeIfAbsent(o.offenderId(), k -> new ArrayList<>()).add(o);
    }

    Map<WindowKind, Totals> totals = new EnumMap<>(WindowKind.class);
    for (WindowKind kind : WindowKind.values()) totals.put(kind, new Totals());
    List<MembershipRow> rows = new ArrayList<>();
    List<ProvisionalWindow> provisional = new ArrayList<>();
    List<Map<WindowKind, Tally>> tallies = new ArrayList<>();
    Map<ProvenOffence, List<String>> placements = new LinkedHashMap<>();

    for (CohortMembership m : included) {
      List<ProvenOffence> own = byOffender.getOrDefault(m.offenderId(), List.of());
      Map<WindowKind, MembershipWindow> windows = new EnumMap<>(WindowKind.class);
      Map<WindowKind, Tally> byKind = new EnumMap<>(WindowKind.class);
      for (WindowKind kind : WindowKind.values()) {
        DateWindow window = windowOf(kind, m);
        WindowStatus status = statusOf(window, cutoff);
        Tally tally = new Tally(m);
        if (status.counted()) {
          DateWindow seen = status == WindowStatus.PARTIAL ? new DateWindow(kind, window.from(), cutoff) : window;
          for (ProvenOffence o : own) {
            if (!seen.contains(o.offenceDate())) continue;
            tally.add(o, costing.price(o.offenceCode()));
            placements.computeIfAbsent(o, k -> new ArrayList<>())
                .add(kind + " of " + m.cohort() + " joined " + m.joinedOn());
          }
          totals.get(kind).add(tally, status, pendingConvictions(window, cutoff, request));
        } else {
          totals.get(kind).notCounted(status);
        }
        String note = noteFor(kind, status, window, m, asOf);
        if (status == WindowStatus.PROVISIONAL) provisional.add(new ProvisionalWindow(m, window, note));
        windows.put(kind, new MembershipWindow(kind, window, status, note, tally.offences, tally.uncosted,
            tally.cost.at(reference.deflators(), request.priceYear()),
            status.counted() && pendingConvictions(window, cutoff, request)));
        byKind.put(kind, tally);
      }
      rows.add(new MembershipRow(m, windows));
      tallies.add(byKind);
    }

    Map<WindowKind, WindowSummary> summaries = new EnumMap<>(WindowKind.class);
    for (WindowKind kind : WindowKind.values()) summaries.put(kind, totals.get(kind).summary(kind, request));

    List<Overlap> overlaps = new ArrayList<>();
    placements.forEach((o, where) -> {
      if (where.size() > 1) overlaps.add(new Overlap(o.offenderId(), o.offenceDate(), o.offenceCode(), where));
    });
    overlaps.sort(Comparator.comparing(Overlap::offenderId).thenComparing(Overlap::offenceDate)
        .thenComparing(Overlap::offenceCode));

    return new IdiomReport(request, reference, cohortOffenders.size(), included.size(),
        cohortOffenders.size() < request.smallCohortBelow(), summaries,
        change(rows, tallies, WindowKind.POST, request), change(rows, tallies, WindowKind.DURING, request),
        rows, provisional, excluded, overlaps, duplicates, afterAsOf);
  }

  private void checkDeflatorsCover(FinancialYear priceYear) {
    for (UnitCost cost : reference.costScheme().unitCosts()) {
      reference.deflators().factor(cost.basePriceYear(), priceYear);
    }
  }

  private static List<CohortMembership> distinctMemberships(List<CohortMembership> memberships) {
    Map<String, CohortMembership> byKey = new LinkedHashMap<>();
    for (CohortMembership m : memberships) {
      String key = m.offenderId() + "|" + m.cohort() + "|" + m.joinedOn();
      CohortMembership earlier = byKey.putIfAbsent(key, m);
      if (earlier != null && !earlier.equals(m)) {
        throw new IllegalArgumentException("offender " + m.offenderId() + " has two " + m.cohort()
            + " memberships joined on " + m.joinedOn() + " with different left_on (" + earlier.leftOn()
            + " and " + m.leftOn() + ")");
      }
    }
    return new ArrayList<>(byKey.values());
  }

  private static DateWindow windowOf(WindowKind kind, CohortMembership m) {
    switch (kind) {
      case PRE: return DateWindow.pre(m);
      case DURING: return DateWindow.during(m);
      default: return DateWindow.post(m);
    }
  }

  /** PRE always ends by the report date here, because memberships joining later are excluded. */
  private static WindowStatus statusOf(DateWindow window, LocalDate cutoff) {
    if (window == null) return WindowStatus.NONE;
    if (!window.to().isAfter(cutoff)) return WindowStatus.COMPLETE;
    return window.kind() == WindowKind.POST ? WindowStatus.PROVISIONAL : WindowStatus.PARTIAL;
  }

  private static boolean pendingConvictions(DateWindow window, LocalDate cutoff, IdiomRequest request) {
    return window.to().plusMonths(request.convictionLagMonths()).isAfter(cutoff);
  }

  private static String noteFor(WindowKind kind, WindowStatus status, DateWindow window, CohortMembership m,
      LocalDate asOf) {
    switch (status) {
      case NONE:
        return "no left_on: still on the scheme, so no POST window";
      case PARTIAL:
        return "still running on the report date (to " + window.lastDay() + "); counted up to " + asOf;
      case PROVISIONAL:
        if (m.leftOn().isAfter(asOf)) return "leaves on " + m.leftOn() + ", after the report date";
        return "POST window runs to " + window.lastDay() + ", after the report date";
      default:
        return window.from().equals(window.to()) ? "empty: left on the day they joined" : "";
    }
  }

  /**
   * Compares PRE with {@code later} over the memberships whose {@code later} window is COMPLETE,
   * so both sides cover the same people.
   */
  private Change change(List<MembershipRow> rows, List<Map<WindowKind, Tally>> tallies, WindowKind later, IdiomRequest request) {
    CostSum from = new CostSum();
    CostSum to = new CostSum();
    int fromOffences = 0;
    int toOffences = 0;
    int compared = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).windows().get(later).status() != WindowStatus.COMPLETE) continue;
      Tally pre = tallies.get(i).get(WindowKind.PRE);
      Tally after = tallies.get(i).get(later);
      compared++;
      from.addAll(pre.cost);
      to.addAll(after.cost);
      fromOffences += pre.offences;
      toOffences += after.offences;
    }
    GdpDeflators d = reference.deflators();
    FinancialYear year = request.priceYear();
    BigDecimal fromCost = from.at(d, year);
    BigDecimal changeCost = to.minus(from).at(d, year);
    Optional<BigDecimal> percent = fromCost.signum() == 0
        ? Optional.empty()
        : Optional.of(changeCost.multiply(BigDecimal.valueOf(100)).divide(fromCost, GdpDeflators.PRECISION));
    return new Change(WindowKind.PRE, later, compared, fromOffences, toOffences, fromCost, to.at(d, year),
        changeCost, percent);
  }

  /** One membership's offences in one window. */
  private static final class Tally {
    final CohortMembership membership;
    int offences;
    int uncosted;
    final CostSum cost = new CostSum();
    final Map<String, Integer> categoryOffences = new TreeMap<>();
    final Map<String, CostSum> categoryCost = new TreeMap<>();
    final Map<String, OffenceCosting.Priced> uncostedCodes = new TreeMap<>();
    final Map<String, Integer> uncostedCounts = new TreeMap<>();

    Tally(CohortMembership membership) {
      this.membership = membership;
    }

    void add(ProvenOffence offence, OffenceCosting.Priced priced) {
      offences++;
      if (priced.unitCost().isPresent()) {
        UnitCost unit = priced.unitCost().get();
        cost.add(unit);
        categoryOffences.merge(unit.category(), 1, Integer::sum);
        categoryCost.computeIfAbsent(unit.category(), c -> new CostSum()).add(unit);
      } else {
        uncosted++;
        uncostedCodes.putIfAbsent(priced.code(), priced);
        uncostedCounts.merge(priced.code(), 1, Integer::sum);
      }
    }
  }

  /** Running totals of one window kind over memberships. */
  private final class Totals {
    int memberships;
    final Set<String> offenders = new HashSet<>();
    final Set<String> offending = new HashSet<>();
    int offences;
    int uncosted;
    final CostSum cost = new CostSum();
    final Map<String, Integer> categoryOffences = new TreeMap<>();
    final Map<String, CostSum> categoryCost = new TreeMap<>();
    final Map<String, OffenceCosting.Priced> uncostedCodes = new TreeMap<>();
    final Map<String, Integer> uncostedCounts = new TreeMap<>();
    int partial;
    int provisional;
    int without;
    int pending;

    void add(Tally t, WindowStatus status, boolean convictionsPending) {
      memberships++;
      offenders.add(t.membership.offenderId());
      if (t.offences > 0) offending.add(t.membership.offenderId());
      offences += t.offences;
      uncosted += t.uncosted;
      cost.addAll(t.cost);
      t.categoryOffences.forEach((c, n) -> categoryOffences.merge(c, n, Integer::sum));
      t.categoryCost.forEach((c, s) -> categoryCost.computeIfAbsent(c, k -> new CostSum()).addAll(s));
      t.uncostedCodes.forEach(uncostedCodes::putIfAbsent);
      t.uncostedCounts.forEach((c, n) -> uncostedCounts.merge(c, n, Integer::sum));
      if (status == WindowStatus.PARTIAL) partial++;
      if (convictionsPending) pending++;
    }

    void notCounted(WindowStatus status) {
      if (status == WindowStatus.PROVISIONAL) provisional++;
      if (status == WindowStatus.NONE) without++;
    }

    WindowSummary summary(WindowKind kind, IdiomRequest request) {
      GdpDeflators d = reference.deflators();
      FinancialYear year = request.priceYear();
      Map<String, CategoryTotal> byCategory = new TreeMap<>();
      categoryOffences.forEach((c, n) -> byCategory.put(c, new CategoryTotal(c, n, categoryCost.get(c).at(d, year))));
      Map<String, UncostedTotal> byCode = new TreeMap<>();
      uncostedCounts.forEach((code, n) -> {
        OffenceCosting.Priced p = uncostedCodes.get(code);
        byCode.put(code, new UncostedTotal(code, p.label(), p.uncostedReason(), n));
      });
      return new WindowSummary(kind, memberships, offenders.size(), offending.size(), offences, uncosted,
          cost.at(d, year), byCategory, byCode, partial, provisional, without, pending);
    }
  }
}
