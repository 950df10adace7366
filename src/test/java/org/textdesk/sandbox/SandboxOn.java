package org.textdesk.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The application with the sandbox on, as TEXTDESK_SANDBOX=true turns it on for a training instance on PostgreSQL.
 * Every test class with it shares one Spring context. The sandbox answers "never" after 12 s (TextDesk waits 10).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestPropertySource(properties = {"textdesk.sandbox.enabled=true", "textdesk.sandbox.never-answers-for=12s",
        "textdesk.scheduler.polling-interval=500ms"})
@interface SandboxOn {
}
