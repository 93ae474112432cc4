package org.iom.correlator.live;

import java.time.Duration;
import org.iom.correlator.match.MatchRule;

/**
 * How the service correlates.
 *
 * @param rule           the matching rule (radius, buffer, max gap, gap radius, overrides)
 * @param hotWindow      how far back from start-up trails are held in memory; older crimes are
 *                       matched against trails read from the store
 * @param coldCacheFixes how many older fixes the cold-trail cache may hold (about 28 bytes each)
 */
public record CorrelationSettings(MatchRule rule, Duration hotWindow, long coldCacheFixes) {
  public static final Duration DEFAULT_HOT_WINDOW = Duration.ofDays(92);
  public static final long DEFAULT_COLD_CACHE_FIXES = 20_000_000L;

  public CorrelationSettings {
    if (rule == null) throw new IllegalArgumentException("a matching rule is required");
    if (hotWindow == null || hotWindow.isNegative()) throw new IllegalArgumentException("the hot window must be zero or positive");
    if (coldCacheFixes < 0) throw new IllegalArgumentException("the cold cache size must not be negative");
  }

  public static CorrelationSettings defaults() {
    return new CorrelationSettings(MatchRule.defaults(), DEFAULT_HOT_WINDOW, DEFAULT_COLD_CACHE_FIXES);
  }

  public CorrelationSettings withRule(MatchRule newRule) {
    return new CorrelationSettings(newRule, hotWindow, coldCacheFixes);
  }

  public CorrelationSettings withHotWindow(Duration window) {
    return new CorrelationSettings(rule, window, coldCacheFixes);
  }
}
