/**
 * Licence conditions (SPEC.md "Licence conditions", "Alerts"): exclusion zones, curfews and silent
 * tags, judged exactly on the piecewise-linear trail of the matching rule. Entry point:
 * {@link org.iom.correlator.zones.LicenceConditionDetector#evaluate}; input
 * {@link org.iom.correlator.zones.OffenderTrail}; output
 * {@link org.iom.correlator.zones.LicenceEvent} with an idempotent key. Pure computation: no I/O,
 * no clock (the caller passes {@code now}). Rules and decisions: docs/zones.md.
 */
package org.iom.correlator.zones;
