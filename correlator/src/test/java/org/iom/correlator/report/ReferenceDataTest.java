package org.iom.correlator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {
  @Test
  void builtInSchemeIsTheHomeOffice2018TableWithStatus() {
    CostScheme scheme = CostScheme.builtIn();
    assertThat(scheme.name()).isEqualTo("HO2018");
    assertThat(scheme.unitCosts()).hasSize(12)
        .allSatisfy(u -> assertThat(u.basePriceYear()).isEqualTo(FinancialYear.parse("2015-16")));
    assertThat(scheme.costOf("domestic burglary").orElseThrow().costGbp()).isEqualByComparingTo("5930");
    assertThat(scheme.costOf("domestic burglary").orElseThrow().status()).isEqualTo("unconfirmed");
    assertThat(scheme.costOf("homicide").orElseThrow().costGbp()).isEqualByComparingTo("3217740");
    assertThat(scheme.costOf("theft from vehicle").orElseThrow().status()).isEqualTo("secondary source");
    assertThat(scheme.costOf("theft from vehicle").orElseThrow().source()).contains("Home Office Research Report 99");
  }

  @Test
  void deflatorsUpliftAsDomainSays() {
    GdpDeflators d = GdpDeflators.builtIn();
    assertThat(d.vintage()).isEqualTo("March 2026");
    assertThat(Rounding.factor(d.factor(FinancialYear.parse("2015-16"), FinancialYear.parse("2024-25"))))
        .isEqualByComparingTo("1.340835");
    assertThat(d.factor(FinancialYear.parse("2020-21"), FinancialYear.parse("2020-21"))).isEqualTo(BigDecimal.ONE);
    assertThatThrownBy(() -> d.factor(FinancialYear.parse("2015-16"), FinancialYear.parse("2023-24")))
        .hasMessageContaining("no GDP deflator for 2023-24").hasMessageContaining("2024-25");
  }

  @Test
  void offenceMapCostsLegacyCodesLikeTheirCurrentCodes() {
    OffenceMap map = OffenceMap.builtIn();
    String[][] legacyToCurrent = {{"28A", "28E"}, {"28B", "28F"}, {"28C", "28G"}, {"28D", "28H"}, {"29", "29A"},
        {"30A", "30C"}, {"30B", "30D"}, {"31", "31A"}};
    for (String[] pair : legacyToCurrent) {
      assertThat(map.lookup(pair[0]).orElseThrow().category()).as(pair[0])
          .isEqualTo(map.lookup(pair[1]).orElseThrow().category());
    }
    for (String code : List.of("28E", "28F", "28G", "28H", "29A", "30C", "30D", "31A", "34A", "34B", "39", "48",
        "37.2", "45", "126", "44", "46", "49", "49A", "40", "41", "42", "43", "47", "54", "33", "58A", "58B", "58C",
        "58D", "58J", "56A", "56B")) {
      assertThat(map.lookup(code)).as(code).isPresent();
    }
    assertThat(map.lookup(" 28e ").orElseThrow().category()).isEqualTo("domestic burglary");
    assertThat(map.lookup("46").orElseThrow().costed()).isFalse();
    // every costed category exists in the shipped scheme
    CostScheme scheme = CostScheme.builtIn();
    map.mappings().stream().filter(OffenceMapping::costed)
        .forEach(m -> assertThat(scheme.costOf(m.category())).as(m.code()).isPresent());
  }

  @Test
  void badRowsNameFileLineAndReason() {
    String header = "scheme,category,base_price_year,cost_gbp,source\n";
    assertThatThrownBy(() -> CostScheme.load("costs.csv", in(header + "S,a,2015-16,10,x\nS,b,2015-16,£12,x\n"), null))
        .isInstanceOf(ReferenceDataException.class)
        .hasMessage("costs.csv line 3: cost_gbp '£12' is not a plain decimal number (e.g. 5930 or 74.5804)");
    assertThatThrownBy(() -> CostScheme.load("costs.csv", in(header + "S,a,2015-16,10,x\nS,a,2015-16,11,x\n"), null))
        .hasMessage("costs.csv line 3: scheme S category 'a' is already defined on line 2");
    assertThatThrownBy(() -> CostScheme.load("costs.csv", in(header + "S,a,2015-17,10,x\n"), null))
        .hasMessageStartingWith("costs.csv line 2: base_price_year: financial year '2015-17'");
    assertThatThrownBy(() -> CostScheme.load("costs.csv", in(header + "S,a,2015-16,10,x\n"), "OTHER"))
        .hasMessage("costs.csv: has no scheme 'OTHER' (it holds [S])");
    assertThatThrownBy(() -> CostScheme.load("costs.csv", in("scheme,category,cost_gbp\nS,a,1\n"), null))
        .hasMessageStartingWith("costs.csv line 1: header lacks column(s) base_price_year, source");
    assertThatThrownBy(() -> OffenceMap.load("map.csv", in("offence_code,category,label\n28E,x,y\n\"28e\",x,y\n")))
        .hasMessage("map.csv line 3: offence_code 28E is already mapped on line 2");
    assertThatThrownBy(() -> GdpDeflators.load("d.csv", in("financial_year,index,vintage\n2015-16,74.5,A\n2016-17,75,B\n")))
        .hasMessageStartingWith("d.csv line 3: vintage 'B' differs from 'A' on line 2");
    assertThatThrownBy(() -> GdpDeflators.load("d.csv", in("financial_year,index,vintage\n2015-16,0,A\n")))
        .hasMessage("d.csv line 2: index '0' is not positive");
  }

  @Test
  void aSecondSchemeLoadsFromFileAndTakesQuotedFields() {
    String csv = "source,cost_gbp,category,base_price_year,scheme,extra\n"
        + "\"Home Office (2011), IOM toolkit, phase 2\",4500.50,domestic burglary,2010-11,HO2011,ignored\n";
    CostScheme scheme = CostScheme.load("ho2011.csv", in(csv), "HO2011");
    UnitCost cost = scheme.costOf("domestic burglary").orElseThrow();
    assertThat(cost.costGbp()).isEqualByComparingTo("4500.50");
    assertThat(cost.source()).isEqualTo("Home Office (2011), IOM toolkit, phase 2");
    assertThat(cost.status()).isEqualTo("unstated");
  }

  private static InputStream in(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
