package org.textdesk.texting;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TextMessageRepository extends JpaRepository<TextMessage, Long> {

    Optional<TextMessage> findBySendKey(String sendKey);

    Optional<TextMessage> findByTwilioSid(String twilioSid);

    @Modifying
    @Query("update TextMessage m set m.twilioSid = :sid where m.id = :id")
    int recordTwilioSid(long id, String sid);
}
