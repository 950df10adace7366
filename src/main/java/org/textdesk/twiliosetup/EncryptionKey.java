package org.textdesk.twiliosetup;

import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The AES-256 key that encrypts the Twilio Auth Token at rest: base64 of exactly 32 bytes. */
final class EncryptionKey {

    static final int KEY_BYTES = 32;
    static final String HOW_TO_MAKE_ONE = "Set TEXTDESK_ENCRYPTION_KEY to the base64 of 32 random bytes, "
            + "for example the output of: openssl rand -base64 32";

    private EncryptionKey() {
    }

    /**
     * The key from TEXTDESK_ENCRYPTION_KEY when it is set; otherwise the embedded default's local key
     * file when there is one (null on PostgreSQL). Fails with a message that never shows the key.
     */
    static SecretKey resolve(String configured, LocalEncryptionKeyFile localKeyFile) {
        if (configured != null && !configured.isBlank()) {
            return parse(configured, "TEXTDESK_ENCRYPTION_KEY is not a valid key:", HOW_TO_MAKE_ONE
                    + ". (The value given is not shown here.)");
        }
        if (localKeyFile != null) {
            return localKeyFile.readOrCreate();
        }
        throw new EncryptionKeyException("TEXTDESK_ENCRYPTION_KEY is not set. TextDesk stores the Twilio Auth "
                + "Token encrypted with it, and on PostgreSQL it never makes one up.", HOW_TO_MAKE_ONE
                + ", and keep it safe: without it the stored Auth Token cannot be read.");
    }

    /** Decodes base64 of 32 bytes; {@code problem} and {@code action} form the message when it is not. */
    static SecretKey parse(String base64, String problem, String action) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new EncryptionKeyException(problem + " it is not base64.", action);
        }
        if (bytes.length != KEY_BYTES) {
            throw new EncryptionKeyException(problem + " it decodes to " + bytes.length + " bytes, not "
                    + KEY_BYTES + ".", action);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    static String encode(SecretKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }
}
