package org.iom.correlator.http;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.stream.Collectors;
import org.iom.correlator.access.Role;
import org.iom.correlator.access.User;
import org.iom.correlator.access.web.Callers;
import org.iom.ingest.model.Offender;
import org.iom.ingest.store.Store;

/**
 * The caller's view under {@link org.iom.correlator.access.Caseload}: an IOM manager sees the
 * offenders whose {@code manager_id} is their user name (read from the store on each request, so
 * a re-sent offender row moves them at once); an investigator sees every offender; anyone else
 * nobody.
 */
final class CaseloadViewers implements Viewers {
  private final Store store;

  CaseloadViewers(Store store) {
    this.store = store;
  }

  @Override
  public Future<Viewer> of(RoutingContext ctx) {
    User user = Callers.of(ctx);
    if (user.role() == Role.INVESTIGATOR) return Future.succeededFuture(new Viewer(user.name(), null));
    if (user.role() != Role.IOM_MANAGER) return Future.succeededFuture(new Viewer(user.name(), Set.of()));
    return store.offenders().map(all -> new Viewer(user.name(), all.stream()
        .filter(o -> user.name().equals(o.managerId())).map(Offender::offenderId).collect(Collectors.toUnmodifiableSet())));
  }
}
