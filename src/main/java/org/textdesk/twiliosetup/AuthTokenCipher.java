package org.textdesk.twiliosetup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts the Twilio Auth Token with AES-256-GCM: a fresh random 12-byte IV for every encryption,
 * stored as {@code v1:} + base64(IV + ciphertext + 128-bit tag). Exceptions never carry the token.
 */
class AuthTokenCipher {

    private static final String FORMAT = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    AuthTokenCipher(SecretKey key) {
        this.key = key;
    }

    String encrypt(String token) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return FORMAT + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available to encrypt the Auth Token", e);
        }
    }

    /** The token back; {@link UnreadableTokenException} when another key encrypted it or it was altered. */
    String decrypt(String stored) {
        if (stored == null || !stored.startsWith(FORMAT)) {
            throw new UnreadableTokenException();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
            if (bytes.length <= IV_BYTES) {
                throw new UnreadableTokenException();
            }
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableTokenException();
        }
    }

    /** The stored Auth Token cannot be decrypted with the current key (the key changed, or the data was altered). */
    static class UnreadableTokenException extends RuntimeException {

        UnreadableTokenException() {
            super("The stored Twilio Auth Token cannot be decrypted with the current TEXTDESK_ENCRYPTION_KEY; "
                    + "enter the Auth Token again in Twilio Setup", null, false, false);
        }
    }
}
