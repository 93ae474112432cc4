package org.iom.correlator.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.iom.ingest.model.Crime;

/**
 * Applies the crime-proximity rule of SPEC.md to one crime at a time. Implementations say their
 * cost and whether they may be called concurrently.
 */
public interface CrimeMatcher {

  /** The matches of one crime, one per offender, sorted by offender id. Never null. */
  List<Match> match(Crime crime);

  /**
   * The matches of a question shaped as a crime but measured to another target (an enquiry's
   * polygon), whose centre is the crime's location and which reaches {@code extentM} from it.
   *
   * @throws UnsupportedOperationException when this matcher only knows points
   */
  default List<Match> match(Crime crime, SearchTarget target, double extentM) {
    throw new UnsupportedOperationException("this matcher searches around points only");
  }

  /** The matches of every crime, in the iteration order of {@code crimes}, each crime's by offender. */
  default List<Match> matchAll(Collection<Crime> crimes) {
    List<Match> all = new ArrayList<>();
    for (Crime crime : crimes) all.addAll(match(crime));
    return all;
  }
}
