package org.iom.correlator.live;

import java.time.Duration;
import java.time.Period;
import org.iom.correlator.match.MatchRule;

/**
 * How the service correlates.
 *
 * @param rule           the matching rule (radius, buffer, max gap, gap radius, overrides)
 * @param hotWindow      how far back from start-up trails are held in memory; older crimes are
 *                       matched against trails read from the store
 * @param coldCacheFixes how many older fixes the cold-trail cache may hold (about 28 bytes each)
 * @param retention      how long fixes are kept (PostgreSQL); crimes older than that are not re-matched
 */
public record CorrelationSettings(MatchRule rule, Duration hotWindow, long coldCacheFixes, Period retention) {
  public static final Duration DEFAULT_HOT_WINDOW = Duration.ofDays(92);
  public static final long DEFAULT_COLD_CACHE_FIXES = 20_000_000L;
  public static final Period DEFAULT_RETENTION = Period.ofMonths(12);

  public CorrelationSettings {
    if (rule == null) throw new IllegalArgumentException("a matching rule is required");
    if (hotWindow == null || hotWindow.isNegative()) throw new IllegalArgumentException("the hot window must be zero or positive");
    if (coldCacheFixes < 0) throw new IllegalArgumentException("the cold cache size must not be negative");
    if (retention == null || retention.isNegative() || retention.isZero()) throw new IllegalArgumentException("retention must be positive");
  }

  public static CorrelationSettings defaults() {
    return new CorrelationSettings(MatchRule.defaults(), DEFAULT_HOT_WINDOW, DEFAULT_COLD_CACHE_FIXES, DEFAULT_RETENTION);
  }

  public CorrelationSettings withRule(MatchRule newRule) {
    return new CorrelationSettings(newRule, hotWindow, coldCacheFixes, retention);
  }

  public CorrelationSettings withHotWindow(Duration window) {
    return new CorrelationSettings(rule, window, coldCacheFixes, retention);
  }
}
