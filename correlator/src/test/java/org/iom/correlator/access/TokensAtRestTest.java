package org.iom.correlator.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In PostgreSQL a token exists only as its SHA-256: the secret is in no row of any table. */
class TokensAtRestTest {
  @Test
  void noTableHoldsTheSecretAndTheStoredHashIsItsSha256() throws Exception {
    try (PgSchema schema = new PgSchema("tokensatrest")) {
      Access access = Access.beside(schema.store, InstantSource.system());
      AccessToken operatorToken = AccessToken.of("operator-admin-token-0123456789abcdefgh");
      Await.result(access.ensure(List.of(Grant.admin(operatorToken))));
      Await.result(access.store().createUser(new User("inv", Role.INVESTIGATOR)));
      Access.Issued issued = Await.result(access.issue("inv"));

      List<String> secrets = List.of(operatorToken.secret(), issued.token().secret());
      try (Connection c = schema.db.connect(); Statement st = c.createStatement()) {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(
            "SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
          while (rs.next()) tables.add(rs.getString(1));
        }
        assertThat(tables).contains("access_tokens", "access_users", "audit_log");
        for (String table : tables) {
          for (String secret : secrets) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table + " t WHERE strpos(t::text, '" + secret + "') > 0")) {
              rs.next();
              assertThat(rs.getLong(1)).as("rows of %s holding a secret", table).isZero();
            }
          }
        }
        try (ResultSet rs = st.executeQuery("SELECT token_sha256 FROM access_tokens WHERE user_name = 'inv'")) {
          assertThat(rs.next()).isTrue();
          byte[] digest = MessageDigest.getInstance("SHA-256").digest(issued.token().secret().getBytes(StandardCharsets.UTF_8));
          assertThat(rs.getString(1)).isEqualTo(HexFormat.of().formatHex(digest));
        }
      }
      assertThat(Await.result(access.store().authenticate(issued.token().hash()))).contains(new User("inv", Role.INVESTIGATOR));
    }
  }
}
