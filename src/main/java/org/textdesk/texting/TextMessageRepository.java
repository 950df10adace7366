package org.textdesk.texting;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TextMessageRepository extends JpaRepository<TextMessage, Long> {

    Optional<TextMessage> findByTwilioSid(String twilioSid);
}
