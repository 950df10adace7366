package org.textdesk.texts;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TextMessageRepository extends JpaRepository<TextMessage, Long> {

    Optional<TextMessage> findByTwilioSid(String twilioSid);
}
