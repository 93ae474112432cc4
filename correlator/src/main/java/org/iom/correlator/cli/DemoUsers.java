package org.iom.correlator.cli;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iom.correlator.access.AccessToken;
import org.iom.correlator.access.Grant;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.User;
import org.iom.ingest.model.Offender;

/**
 * The demo's users, one per role, each with a fresh random token: the IOM manager is the
 * {@code manager_id} with the most offenders in the demo data (ties broken by name), so their
 * caseload is not empty; then {@code investigator-1}, {@code partner-1} and {@code admin}.
 */
final class DemoUsers {
  private DemoUsers() {}

  static List<Grant> grants(Collection<Offender> offenders, SecureRandom random) {
    String manager = offenders.stream()
        .map(Offender::managerId)
        .filter(Objects::nonNull)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
        .entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .map(Map.Entry::getKey)
        .orElse("manager-1");
    return List.of(
        new Grant(new User(manager, Role.IOM_MANAGER), AccessToken.generate(random)),
        new Grant(new User("investigator-1", Role.INVESTIGATOR), AccessToken.generate(random)),
        new Grant(new User("partner-1", Role.PARTNER), AccessToken.generate(random)),
        new Grant(new User("admin", Role.ADMIN), AccessToken.generate(random)));
  }

  /** One line per user: {@code demo token role=ROLE user=NAME token=TOKEN}. */
  static void print(List<Grant> grants, PrintStream out) {
    for (Grant g : grants) {
      out.println("demo token role=" + g.user().role() + " user=" + g.user().name() + " token=" + g.token().secret());
    }
    out.flush();
  }
}
