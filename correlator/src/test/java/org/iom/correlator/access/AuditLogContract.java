package org.iom.correlator.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} does; run against memory and PostgreSQL (subclasses). */
abstract class AuditLogContract {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  AuditLog log;

  abstract AuditLog newLog();

  void release() {}

  @BeforeEach
  void open() {
    log = newLog();
  }

  @AfterEach
  void close() {
    release();
  }

  static AuditEntry entry(int minute, String user, String endpoint, String offender, String crime) {
    return new AuditEntry(T0.plusSeconds(60L * minute), user, Role.INVESTIGATOR, endpoint, offender, crime, "enquiry " + minute, minute);
  }

  private List<Long> ids(AuditQuery q) {
    return Await.result(log.find(q)).stream().map(AuditRecord::id).toList();
  }

  @Test
  void entriesComeBackAsWrittenWithIncreasingIds() {
    AuditEntry first = new AuditEntry(T0.plusNanos(1_500), "inv", Role.INVESTIGATOR,
        "GET /v1/offenders/O1/trail?from=2025-03-01T00:00:00Z", "O1", "CR/1", "burglary enquiry", 42);
    AuditEntry second = new AuditEntry(T0, "mgr", Role.IOM_MANAGER, "GET /v1/alerts", null, " ", null, 0);

    AuditRecord a = Await.result(log.append(first));
    AuditRecord b = Await.result(log.append(second));

    assertThat(b.id()).isGreaterThan(a.id());
    List<AuditRecord> all = Await.result(log.find(AuditQuery.all(10)));
    assertThat(all).extracting(AuditRecord::id).containsExactly(a.id(), b.id());
    assertThat(all.get(0).entry()).isEqualTo(new AuditEntry(T0.plusNanos(1_000), "inv", Role.INVESTIGATOR,
        "GET /v1/offenders/O1/trail?from=2025-03-01T00:00:00Z", "O1", "CR/1", "burglary enquiry", 42));
    assertThat(all.get(1).entry().crimeRef()).as("blank is absent").isNull();
    assertThat(all.get(1).entry().offenderId()).isNull();
  }

  @Test
  void eachFilterSelectsExactlyTheMatchingEntries() {
    List<Long> ids = new ArrayList<>();
    ids.add(Await.result(log.append(entry(0, "inv", "GET /v1/offenders/O1/trail", "O1", "CR/1"))).id());
    ids.add(Await.result(log.append(entry(1, "mgr", "GET /v1/alerts/7", "O1", null))).id());
    ids.add(Await.result(log.append(entry(2, "inv", "POST /v1/enquiries", null, "CR/2"))).id());
    ids.add(Await.result(log.append(entry(3, "mgr", "GET /v1/alerts", "O2", null))).id());

    assertThat(ids(new AuditQuery("inv", null, null, null, null, null, 0, 10))).containsExactly(ids.get(0), ids.get(2));
    assertThat(ids(new AuditQuery(null, "O1", null, null, null, null, 0, 10))).containsExactly(ids.get(0), ids.get(1));
    assertThat(ids(new AuditQuery(null, null, "CR/2", null, null, null, 0, 10))).containsExactly(ids.get(2));
    assertThat(ids(new AuditQuery(null, null, null, "GET /v1/alerts", null, null, 0, 10))).containsExactly(ids.get(1), ids.get(3));
    assertThat(ids(new AuditQuery(null, null, null, "GET /v1/alerts%", null, null, 0, 10))).as("no wildcards").isEmpty();
    // from is inclusive, to exclusive
    assertThat(ids(new AuditQuery(null, null, null, null, T0.plusSeconds(60), T0.plusSeconds(180), 0, 10)))
        .containsExactly(ids.get(1), ids.get(2));
    assertThat(ids(new AuditQuery("mgr", "O1", null, "GET", T0, null, 0, 10))).containsExactly(ids.get(1));
  }

  @Test
  void pagesFollowTheCursorWithoutGapsOrRepeats() {
    List<Long> written = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      written.add(Await.result(log.append(entry(i, i % 2 == 0 ? "even" : "odd", "GET /x", null, null))).id());
    }
    List<Long> read = new ArrayList<>();
    AuditQuery q = new AuditQuery("even", null, null, null, null, null, 0, 4);
    for (List<AuditRecord> page; !(page = Await.result(log.find(q))).isEmpty(); q = q.after(page.get(page.size() - 1).id())) {
      assertThat(page.size()).isLessThanOrEqualTo(4);
      page.forEach(r -> read.add(r.id()));
    }
    List<Long> even = new ArrayList<>();
    for (int i = 0; i < written.size(); i += 2) even.add(written.get(i));
    assertThat(read).isEqualTo(even);
  }
}
