package org.textdesk.twiliosetup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default's own key, kept beside its database in {@code ${textdesk.data-dir}/encryption.key}
 * (readable by its owner only), so that {@code ./mvnw spring-boot:run} works without any setting.
 */
class LocalEncryptionKeyFile {

    static final String FILE_NAME = "encryption.key";

    private static final Logger log = LoggerFactory.getLogger(LocalEncryptionKeyFile.class);

    private final Path file;

    LocalEncryptionKeyFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME).toAbsolutePath().normalize();
    }

    Path file() {
        return file;
    }

    SecretKey readOrCreate() {
        try {
            if (!Files.exists(file)) {
                create();
            }
            return EncryptionKey.parse(Files.readString(file, StandardCharsets.US_ASCII),
                    "The embedded default's key file " + file + " is damaged:",
                    "Restore it from a backup, or delete it together with the database files beside it "
                            + "and enter the Auth Token again in Twilio Setup.");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }

    private void create() throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[EncryptionKey.KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        String content = EncryptionKey.encode(new SecretKeySpec(bytes, "AES")) + "\n";
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException anotherStartWasFaster) {
            return;
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        log.info("Generated an encryption key for the Twilio Auth Token in {} (embedded default only; "
                + "set TEXTDESK_ENCRYPTION_KEY in production)", file);
    }
}
