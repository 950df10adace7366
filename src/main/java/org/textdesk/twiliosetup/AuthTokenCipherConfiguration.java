package org.textdesk.twiliosetup;

import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.textdesk.system.ConditionalOnEmbeddedDefault;
import org.textdesk.twilio.TwilioProperties;

/**
 * The Auth Token's key: TEXTDESK_ENCRYPTION_KEY; on the embedded default without it, a generated key
 * kept under ./data; on PostgreSQL without it, startup stops with one message saying how to set it.
 */
@Configuration(proxyBeanMethods = false)
class AuthTokenCipherConfiguration {

    @Bean
    @ConditionalOnEmbeddedDefault
    LocalEncryptionKeyFile localEncryptionKeyFile(@Value("${textdesk.data-dir}") Path dataDir) {
        return new LocalEncryptionKeyFile(dataDir);
    }

    @Bean
    AuthTokenCipher authTokenCipher(TwilioProperties properties, ObjectProvider<LocalEncryptionKeyFile> localKeyFile) {
        return new AuthTokenCipher(EncryptionKey.resolve(properties.encryptionKey(), localKeyFile.getIfAvailable()));
    }
}
