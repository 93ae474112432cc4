package org.iom.correlator.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void theHashIsSha256OfTheTokenAsLowerCaseHex() {
    // FIPS 180-2 test vector for "abc".
    assertThat(TokenHash.of("abc").sha256Hex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void generatedTokensCarry256RandomBitsBehindAPrefix() {
    SecureRandom random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String secret = AccessToken.generate(random).secret();
      assertThat(secret).startsWith("iom_").hasSize(47);
      assertThat(Base64.getUrlDecoder().decode(secret.substring(4))).hasSize(32);
      seen.add(secret);
    }
    assertThat(seen).hasSize(1_000);
  }

  @Test
  void aTokenNeverPrintsItsSecret() {
    AccessToken token = AccessToken.of("operator-chosen-token-0123456789abcdef");
    assertThat(token.toString()).doesNotContain("operator");
    assertThat(new Grant(new User("admin", Role.ADMIN), token).toString()).doesNotContain("operator");
  }

  @Test
  void anOperatorTokenMustBeLongAndPrintable() {
    assertThatThrownBy(() -> AccessToken.of("short")).hasMessageContaining("at least 32");
    assertThatThrownBy(() -> AccessToken.of("with a space inside it 0123456789abcdef")).hasMessageContaining("visible ASCII");
    assertThat(AccessToken.of("x".repeat(32)).hash()).isEqualTo(TokenHash.of("x".repeat(32)));
  }

  @Test
  void userNamesUseTheManagerIdAlphabetAndRolesParseCaseInsensitively() {
    assertThat(new User("mgr.patel", Role.IOM_MANAGER).name()).isEqualTo("mgr.patel");
    assertThatThrownBy(() -> new User("a b", Role.ADMIN)).hasMessageContaining("letters, digits");
    assertThatThrownBy(() -> new User("", Role.ADMIN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Role.parse(" partner ")).isEqualTo(Role.PARTNER);
    assertThatThrownBy(() -> Role.parse("ROOT")).hasMessageContaining("IOM_MANAGER, INVESTIGATOR, PARTNER, ADMIN");
  }
}
