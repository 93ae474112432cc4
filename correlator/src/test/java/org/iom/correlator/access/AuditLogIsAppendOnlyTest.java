package org.iom.correlator.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The service's own database role (which owns the table, as Flyway created it) cannot change or
 * remove audit rows: UPDATE, DELETE and TRUNCATE all raise, and the rows stay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIsAppendOnlyTest {
  private PgSchema schema;

  @BeforeAll
  void migrateAndAppend() {
    schema = new PgSchema("auditappendonly");
    PgAuditLog log = new PgAuditLog(schema.store.pool());
    Instant at = Instant.parse("2025-03-01T10:00:00Z");
    Await.result(log.append(new AuditEntry(at, "inv", Role.INVESTIGATOR, "GET /v1/offenders/O1/trail", "O1", "CR/1", "why", 3)));
    Await.result(log.append(new AuditEntry(at, "mgr", Role.IOM_MANAGER, "GET /v1/alerts", null, null, null, 1)));
  }

  @AfterAll
  void drop() {
    schema.close();
  }

  @Test
  void theServiceRoleOwnsTheTable() throws SQLException {
    try (Connection c = schema.db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'audit_log'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).as("the test runs as the owner, whom GRANTs do not bind").isTrue();
    }
  }

  @Test
  void updateIsRefused() {
    assertRefused("UPDATE audit_log SET purpose = 'rewritten'", "UPDATE");
  }

  @Test
  void deleteIsRefused() {
    assertRefused("DELETE FROM audit_log WHERE user_name = 'inv'", "DELETE");
  }

  @Test
  void truncateIsRefused() {
    assertRefused("TRUNCATE audit_log", "TRUNCATE");
  }

  private void assertRefused(String sql, String operation) {
    assertThatThrownBy(() -> {
      try (Connection c = schema.db.connect(); Statement st = c.createStatement()) {
        st.execute(sql);
      }
    }).isInstanceOf(SQLException.class).hasMessageContaining("append-only").hasMessageContaining(operation);
    try (Connection c = schema.db.connect(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE purpose = 'why') FROM audit_log")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(2);
      assertThat(rs.getLong(2)).isEqualTo(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}
