/**
 * The space-time index of tag trails: {@link org.iom.correlator.index.TrailIndex} (packed
 * per-slot blocks, bulk {@code builder()}, late out-of-order {@code append}, query-time
 * assignments) and its {@code matcher(MatchRule)}, which filters by envelopes and hands candidate
 * trails to {@link org.iom.correlator.match.EvidenceCollector}. An append returns a
 * {@link org.iom.correlator.index.TrailChange}: the crimes whose windows touch it are the ones to
 * re-match. Design notes: docs/matching.md.
 */
package org.iom.correlator.index;
