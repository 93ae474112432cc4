package org.iom.correlator.access;

import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.iom.ingest.model.Offender;

/**
 * Whose location data, matches and alerts a user may see:
 * <ul>
 *   <li>{@link Role#IOM_MANAGER}: only offenders whose {@code manager_id} equals the user's
 *       name (their caseload); an offender with no stored offender row, or no manager, is on
 *       nobody's caseload;</li>
 *   <li>{@link Role#INVESTIGATOR}: every offender (each read is audited with its crime reference
 *       and purpose);</li>
 *   <li>{@link Role#PARTNER} and {@link Role#ADMIN}: nobody (aggregates and administration only).</li>
 * </ul>
 * Stateless; the predicate it returns is immutable and thread-safe.
 */
public final class Caseload {
  private Caseload() {}

  /** The offender ids {@code user} may see, given the stored offenders. */
  public static Predicate<String> visibleOffenders(User user, Collection<Offender> offenders) {
    return switch (user.role()) {
      case INVESTIGATOR -> id -> true;
      case PARTNER, ADMIN -> id -> false;
      case IOM_MANAGER -> {
        Set<String> own = offenders.stream()
            .filter(o -> user.name().equals(o.managerId()))
            .map(Offender::offenderId)
            .collect(Collectors.toUnmodifiableSet());
        yield own::contains;
      }
    };
  }
}
