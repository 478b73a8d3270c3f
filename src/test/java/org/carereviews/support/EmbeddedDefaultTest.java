package org.carereviews.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A {@code @SpringBootTest} of the embedded default as a newcomer gets it (demo profile, H2, demo
 * users and data), but on an in-memory H2 database. Every test class with it shares one Spring
 * context, so the demo data loads once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:embedded-default;DB_CLOSE_DELAY=-1")
public @interface EmbeddedDefaultTest {}
