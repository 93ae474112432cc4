package org.iom.correlator.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.iom.ingest.model.Offender;
import org.junit.jupiter.api.Test;

class CaseloadTest {
  private static final List<Offender> OFFENDERS = List.of(
      new Offender("O1", "A", "mgr.patel", null),
      new Offender("O2", "B", "mgr.hughes", null),
      new Offender("O3", "C", null, null));

  @Test
  void aManagerSeesOnlyOffendersWhoseManagerIdIsTheirName() {
    Predicate<String> visible = Caseload.visibleOffenders(new User("mgr.patel", Role.IOM_MANAGER), OFFENDERS);
    assertThat(List.of("O1", "O2", "O3", "O9")).filteredOn(visible).containsExactly("O1");
  }

  @Test
  void investigatorsSeeEveryoneAndPartnersAndAdminsNobody() {
    assertThat(List.of("O1", "O3", "O9")).filteredOn(Caseload.visibleOffenders(new User("i", Role.INVESTIGATOR), OFFENDERS))
        .hasSize(3);
    assertThat(List.of("O1", "O3")).filteredOn(Caseload.visibleOffenders(new User("p", Role.PARTNER), OFFENDERS)).isEmpty();
    assertThat(List.of("O1", "O3")).filteredOn(Caseload.visibleOffenders(new User("admin", Role.ADMIN), OFFENDERS)).isEmpty();
  }
}
