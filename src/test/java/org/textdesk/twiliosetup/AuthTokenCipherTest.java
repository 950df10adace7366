package org.textdesk.twiliosetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.textdesk.twiliosetup.AuthTokenCipher.UnreadableTokenException;

class AuthTokenCipherTest {

    static final String TOKEN = TwilioSetupFixture.AUTH_TOKEN;

    final AuthTokenCipher cipher = new AuthTokenCipher(
            EncryptionKey.parse("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "test key:", ""));

    @Test
    void aTokenEncryptsToSomethingElseAndDecryptsBack() {
        String stored = cipher.encrypt(TOKEN);
        assertThat(stored).startsWith("v1:").doesNotContain(TOKEN);
        assertThat(cipher.decrypt(stored)).isEqualTo(TOKEN);
    }

    @Test
    void everyEncryptionUsesAFreshRandomTwelveByteIv() {
        String first = cipher.encrypt(TOKEN);
        String second = cipher.encrypt(TOKEN);
        assertThat(first).isNotEqualTo(second);
        byte[] firstBytes = Base64.getDecoder().decode(first.substring(3));
        byte[] secondBytes = Base64.getDecoder().decode(second.substring(3));
        assertThat(firstBytes).hasSize(12 + TOKEN.length() + 16);
        assertThat(java.util.Arrays.copyOf(firstBytes, 12)).isNotEqualTo(java.util.Arrays.copyOf(secondBytes, 12));
    }

    @Test
    void anotherKeyOrAlteredDataCannotBeReadAndTheErrorNamesNoSecret() {
        String stored = cipher.encrypt(TOKEN);
        AuthTokenCipher otherKey = new AuthTokenCipher(
                EncryptionKey.parse(Base64.getEncoder().encodeToString(new byte[32]), "test key:", ""));
        assertThatThrownBy(() -> otherKey.decrypt(stored)).isInstanceOf(UnreadableTokenException.class)
                .hasMessageContaining("enter the Auth Token again").hasMessageNotContaining(TOKEN);

        byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> cipher.decrypt(altered)).isInstanceOf(UnreadableTokenException.class);
        assertThatThrownBy(() -> cipher.decrypt("plain text")).isInstanceOf(UnreadableTokenException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:not base64!")).isInstanceOf(UnreadableTokenException.class);
    }
}
