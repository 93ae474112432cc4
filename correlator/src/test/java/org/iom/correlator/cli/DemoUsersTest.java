package org.iom.correlator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iom.correlator.access.Grant;
import org.iom.correlator.access.Role;
import org.iom.fixtures.DemoData;
import org.iom.ingest.model.Offender;
import org.junit.jupiter.api.Test;

class DemoUsersTest {
  @Test
  void theDemoHasOneUserPerRoleAndTheManagerHasTheLargestCaseload() {
    List<Offender> offenders = DemoData.scenario().offenders();
    List<Grant> grants = DemoUsers.grants(offenders, new SecureRandom());

    assertThat(grants).extracting(g -> g.user().role()).containsExactly(Role.values());
    String manager = grants.get(0).user().name();
    Map<String, Long> caseloads = offenders.stream().filter(o -> o.managerId() != null)
        .collect(Collectors.groupingBy(Offender::managerId, Collectors.counting()));
    assertThat(caseloads.get(manager)).isEqualTo(caseloads.values().stream().max(Long::compare).orElseThrow());
    assertThat(grants).extracting(g -> g.user().name()).containsSubsequence("investigator-1", "partner-1", "admin");
    assertThat(grants.stream().map(g -> g.token().secret()).collect(Collectors.toSet())).hasSize(4);
  }

  @Test
  void eachUserIsPrintedOnOneLine() {
    List<Grant> grants = DemoUsers.grants(List.of(new Offender("O1", "A", "mgr.x", null)), new SecureRandom());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    DemoUsers.print(grants, new PrintStream(out, true, StandardCharsets.UTF_8));

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(4);
    Map<Role, Grant> byRole = grants.stream().collect(Collectors.toMap(g -> g.user().role(), Function.identity()));
    assertThat(lines.get(0)).isEqualTo("demo token role=IOM_MANAGER user=mgr.x token=" + byRole.get(Role.IOM_MANAGER).token().secret());
    assertThat(lines).allMatch(l -> l.matches("demo token role=[A-Z_]+ user=\\S+ token=iom_[A-Za-z0-9_-]{43}"));
  }

  @Test
  void serveRefusesAShortAdminTokenBeforeStarting() {
    int exit = Main.commandLine().execute("serve", "--store", "memory", "--port", "0", "--admin-token", "too-short");
    assertThat(exit).isEqualTo(2);
  }
}
