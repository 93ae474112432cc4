package org.iom.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast number and time parsers must agree with the JDK's on every input they accept, and
 * refuse what the JDK would read as something else. Seeded, so a failure reproduces.
 */
class HandRolledParsersTest {
  private final Random random = new Random(20250301);

  @Test
  void decimalsEqualDoubleParseDouble() {
    for (int i = 0; i < 50_000; i++) {
      double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 3);
      int decimals = random.nextInt(17);
      String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
      assertThat(FastDecimal.parse(text)).as(text).isEqualTo(Double.parseDouble(text));
      String plain = Double.toString(v);
      assertThat(FastDecimal.parse(plain)).as(plain).isEqualTo(Double.parseDouble(plain));
    }
    for (String s : new String[] {"0", "-0.0", "+5", "5.", ".5", "1e3", "-2.5E-3", "123456789012345678", "0.000000000000000000000001"}) {
      assertThat(FastDecimal.parse(s)).as(s).isEqualTo(Double.parseDouble(s));
    }
  }

  @Test
  void decimalsRefuseWhatIsNotAPlainNumber() {
    for (String s : new String[] {"", "-", ".", "NaN", "Infinity", "-Infinity", "1d", "1f", "0x1p3", "1,5", "1.2.3", "1e", "e5", " 1"}) {
      assertThat(FastDecimal.parse(s)).as(s).isNaN();
    }
  }

  @Test
  void timesEqualTheIsoFormatter() {
    DateTimeFormatter millis = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT);
    for (int i = 0; i < 20_000; i++) {
      Instant t = Instant.ofEpochSecond(random.nextLong() % 4_000_000_000L + 2_000_000_000L, random.nextInt(1_000) * 1_000_000L);
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4) - 72) * 900);
      OffsetDateTime odt = t.atOffset(offset);
      for (String text : new String[] {odt.toString(), millis.format(odt), odt.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)}) {
        Instant expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        assertThat(IsoTimes.parse(text)).as(text).isEqualTo(expected);
      }
    }
  }

  @Test
  void timesRefuseBadDatesAndMissingOffsets() {
    for (String s : new String[] {"2025-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-01T24:00:00Z",
        "2024-01-01T12:00:00", "2024-01-01 12:00:00Z", "2024-01-01T12:00:00+0100", "not a time", ""}) {
      assertThat(IsoTimes.parse(s)).as(s).isNull();
    }
    assertThat(IsoTimes.parse("2024-02-29T23:59:59.999999999Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.999999999Z"));
    assertThat(IsoTimes.parse("2024-01-01T12:00Z")).isEqualTo(Instant.parse("2024-01-01T12:00:00Z"));
  }
}
