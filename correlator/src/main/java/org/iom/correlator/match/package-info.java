/**
 * The crime-proximity rule of SPEC.md, exactly: {@link org.iom.correlator.match.MatchRule}
 * (parameters), {@link org.iom.correlator.match.CrimeSearch} (a crime resolved to a window and
 * radius), {@link org.iom.correlator.match.SegmentGeometry} (closed-form geometry on doubles),
 * {@link org.iom.correlator.match.EvidenceCollector} (the exact stage that turns trail runs into
 * {@link org.iom.correlator.match.Match}es) and the {@link org.iom.correlator.match.CrimeMatcher}
 * contract. No index here: {@code org.iom.correlator.index} is the primary filter in front of it.
 * Semantics in full: docs/matching.md.
 */
package org.iom.correlator.match;
