package org.textdesk.twiliosetup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class EncryptionKeyTest {

    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @TempDir
    Path dataDir;

    @Test
    void theConfiguredKeyIsUsedWhenGiven() {
        SecretKey key = EncryptionKey.resolve(" " + KEY + "\n", new LocalEncryptionKeyFile(dataDir));
        assertThat(Base64.getEncoder().encodeToString(key.getEncoded())).isEqualTo(KEY);
        assertThat(dataDir.resolve("encryption.key")).doesNotExist();
    }

    @Test
    void onPostgresqlWithoutAKeyStartupStopsSayingHowToMakeOne() {
        assertThatThrownBy(() -> EncryptionKey.resolve("", null))
                .isInstanceOf(EncryptionKeyException.class)
                .hasMessageContaining("TEXTDESK_ENCRYPTION_KEY is not set")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void aMalformedKeyStopsStartupWithoutPrintingIt() {
        String notBase64 = "this-is-my-secret-key!!";
        assertThatThrownBy(() -> EncryptionKey.resolve(notBase64, null))
                .hasMessageContaining("TEXTDESK_ENCRYPTION_KEY is not a valid key: it is not base64")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining(notBase64);
        String tooShort = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());
        assertThatThrownBy(() -> EncryptionKey.resolve(tooShort, new LocalEncryptionKeyFile(dataDir)))
                .hasMessageContaining("it decodes to 16 bytes, not 32")
                .hasMessageNotContaining(tooShort);
    }

    @Test
    void theEmbeddedDefaultGeneratesAKeyReadableByItsOwnerOnlyAndKeepsIt() throws IOException {
        LocalEncryptionKeyFile file = new LocalEncryptionKeyFile(dataDir.resolve("data"));
        SecretKey first = EncryptionKey.resolve(null, file);
        Path keyFile = dataDir.resolve("data").resolve("encryption.key");
        assertThat(keyFile).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(first.getEncoded()).hasSize(32);

        SecretKey again = EncryptionKey.resolve("", new LocalEncryptionKeyFile(dataDir.resolve("data")));
        assertThat(again.getEncoded()).isEqualTo(first.getEncoded());
    }

    @Test
    void aDamagedKeyFileStopsStartupNamingTheFile() throws IOException {
        Files.writeString(dataDir.resolve("encryption.key"), "garbage");
        assertThatThrownBy(() -> EncryptionKey.resolve(null, new LocalEncryptionKeyFile(dataDir)))
                .hasMessageContaining(dataDir.resolve("encryption.key").toString())
                .hasMessageContaining("is damaged");
    }

    @Test
    void theFailureReportShowsTheProblemAndTheAction() {
        EncryptionKeyException missing = (EncryptionKeyException) org.assertj.core.api.Assertions
                .catchThrowable(() -> EncryptionKey.resolve(null, null));
        FailureAnalysis analysis = new EncryptionKeyFailureAnalyzer()
                .analyze(new BeanCreationException("authTokenCipher", "Failed to instantiate", missing));
        assertThat(analysis.getDescription()).startsWith("TEXTDESK_ENCRYPTION_KEY is not set.");
        assertThat(analysis.getAction()).startsWith("Set TEXTDESK_ENCRYPTION_KEY to the base64 of 32 random bytes")
                .contains("openssl rand -base64 32");
    }

    /** Two embedded defaults never share a key, and a key is not a run of one byte (a missing random fill). */
    @Test
    void eachGeneratedKeyIsRandom() {
        LocalEncryptionKeyFile first = new LocalEncryptionKeyFile(dataDir.resolve("one"));
        LocalEncryptionKeyFile second = new LocalEncryptionKeyFile(dataDir.resolve("two"));
        byte[] one = first.readOrCreate().getEncoded();
        byte[] two = second.readOrCreate().getEncoded();
        assertThat(one).hasSize(32).isNotEqualTo(two).isNotEqualTo(new byte[32]);
        assertThat(two).isNotEqualTo(new byte[32]);
        // 32 random bytes have, with overwhelming probability, more than 16 distinct values
        assertThat(java.util.stream.IntStream.range(0, 32).map(i -> one[i]).distinct().count()).isGreaterThan(16);
        assertThat(first.file()).isEqualTo(dataDir.resolve("one").resolve("encryption.key").toAbsolutePath());
    }
}
