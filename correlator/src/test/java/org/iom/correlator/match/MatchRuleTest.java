package org.iom.correlator.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Crime;
import org.junit.jupiter.api.Test;

class MatchRuleTest {
  private static final Position HERE = new Position(52.9, -1.5, 430_000, 340_000);
  private static final Instant AT = Instant.parse("2025-03-30T00:45:00Z");

  @Test
  void defaultsAreTheSpecsNumbers() {
    MatchRule rule = MatchRule.defaults();
    assertThat(rule.radiusM()).isEqualTo(100);
    assertThat(rule.buffer()).isEqualTo(Duration.ofMinutes(30));
    assertThat(rule.maxGap()).isEqualTo(Duration.ofMinutes(10));
    assertThat(rule.gapRadiusM()).isEqualTo(1000);
  }

  @Test
  void perCrimeRadiusBeatsOffenceCodeOverrideBeatsDefault() {
    MatchRule rule = MatchRule.defaults().withRadiusOverride("28E", 250);
    assertThat(rule.radiusFor(new Crime("C1", "34B", AT, null, HERE, null, null))).isEqualTo(100);
    assertThat(rule.radiusFor(new Crime("C2", "28E", AT, null, HERE, null, null))).isEqualTo(250);
    assertThat(rule.radiusFor(new Crime("C3", "28E", AT, null, HERE, null, 40.0))).isEqualTo(40);
  }

  @Test
  void windowIsCommittedSpanWidenedByTheBufferInUtcMilliseconds() {
    Crime crime = new Crime("C1", "28E", AT, AT.plusSeconds(3600), HERE, null, null);
    CrimeSearch s = CrimeSearch.of(crime, MatchRule.defaults());
    assertThat(s.windowFrom()).isEqualTo(Instant.parse("2025-03-30T00:15:00Z"));
    assertThat(s.windowTo()).isEqualTo(Instant.parse("2025-03-30T02:15:00Z"));
    // 2 h of real time although UK clocks jump from 01:00 to 02:00 local in it.
    assertThat(s.toMillis() - s.fromMillis()).isEqualTo(Duration.ofHours(2).toMillis());
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> MatchRule.defaults().withRadiusM(0)).hasMessageContaining("radius_m");
    assertThatThrownBy(() -> MatchRule.defaults().withMaxGap(Duration.ZERO)).hasMessageContaining("max_gap");
    assertThatThrownBy(() -> MatchRule.defaults().withBuffer(Duration.ofMinutes(-1))).hasMessageContaining("buffer");
    assertThatThrownBy(() -> MatchRule.defaults().withRadiusOverride("28E", -5)).hasMessageContaining("28E");
  }
}
