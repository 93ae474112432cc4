package org.iom.correlator.report;

import java.util.Optional;

/**
 * Prices one offence code: offence map to category, category to unit cost. Every uncosted
 * offence gets a reason, so "no cost" is never silently zero.
 */
final class OffenceCosting {
  /** @param unitCost empty when uncosted; then {@code uncostedReason} says why */
  record Priced(String code, String label, String category, Optional<UnitCost> unitCost, String uncostedReason) {}

  private final ReferenceData reference;

  OffenceCosting(ReferenceData reference) {
    this.reference = reference;
  }

  Priced price(String offenceCode) {
    String code = OffenceMapping.normalise(offenceCode);
    Optional<OffenceMapping> mapping = reference.offenceMap().lookup(code);
    if (mapping.isEmpty()) {
      return new Priced(code, "", null, Optional.empty(), "offence code not in the offence map");
    }
    OffenceMapping m = mapping.get();
    if (!m.costed()) {
      return new Priced(code, m.label(), null, Optional.empty(), "no cost category in the offence map");
    }
    Optional<UnitCost> cost = reference.costScheme().costOf(m.category());
    if (cost.isEmpty()) {
      return new Priced(code, m.label(), m.category(), Optional.empty(),
          "category '" + m.category() + "' has no unit cost in scheme " + reference.costScheme().name());
    }
    return new Priced(code, m.label(), m.category(), cost, "");
  }
}
