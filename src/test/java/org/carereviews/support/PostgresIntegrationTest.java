package org.carereviews.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A {@code @SpringBootTest} on a real PostgreSQL with the production ({@code postgres}) profile:
 * Flyway creates every table, Camunda's included, and Hibernate validates them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface PostgresIntegrationTest {}
