package org.iom.correlator.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.Set;

/** Who is asking, and which offenders' alerts and trails they may see. */
interface Viewers {
  Future<Viewer> of(RoutingContext ctx);

  /**
   * @param user      the caller's user name (recorded on workflow steps)
   * @param offenders the offenders visible to the caller, or null for all
   */
  record Viewer(String user, Set<String> offenders) {
    boolean sees(String offenderId) {
      return offenders == null || offenders.contains(offenderId);
    }

    /** The requested offenders (null: any) cut down to the visible ones. */
    Set<String> narrow(Set<String> requested) {
      if (offenders == null) return requested;
      if (requested == null) return offenders;
      Set<String> both = new HashSet<>(requested);
      both.retainAll(offenders);
      return both;
    }
  }
}
