package org.textdesk.system;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * /actuator/health's "database": DOWN at once while {@link DatabaseAvailability} knows the database unreachable,
 * without asking the pool (Spring Boot's own "db" check waited for the pool's timeout; it is switched off).
 */
@Component("database")
class DatabaseHealthIndicator implements HealthIndicator {

    private final DatabaseAvailability availability;

    DatabaseHealthIndicator(DatabaseAvailability availability) {
        this.availability = availability;
    }

    @Override
    public Health health() {
        return availability.isDown() ? Health.down().build() : Health.up().build();
    }
}
