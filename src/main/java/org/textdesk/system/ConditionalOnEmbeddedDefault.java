package org.textdesk.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Only on the embedded default (no SPRING_DATASOURCE_URL): demo accounts and demo data, which must
 * never appear in a real PostgreSQL database.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:')")
public @interface ConditionalOnEmbeddedDefault {
}
