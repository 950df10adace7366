package org.textdesk.twiliosetup;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TwilioSettingsRepository extends JpaRepository<TwilioSettings, Long> {

    default Optional<TwilioSettings> findTheSettings() {
        return findById(TwilioSettings.THE_ID);
    }
}
