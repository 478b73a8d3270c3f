# Care Reviews image: build the jar with the Maven wrapper, run it on a JRE as a non-root user.

# Stage 1: build.
# Building the image is a packaging step only: tests are skipped here because CI runs them
# separately (.ci/run runs ./mvnw verify, with the integration tests on an embedded PostgreSQL).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY . .
RUN chmod +x mvnw && ./mvnw -B -ntp -DskipTests package

# Stage 2: run.
FROM eclipse-temurin:17-jre
# curl for the container health check (docker-compose.yml probes /actuator/health/readiness).
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system care-reviews \
    && useradd --system --gid care-reviews --home-dir /app --no-create-home --shell /usr/sbin/nologin care-reviews
WORKDIR /app
# ./data is where the embedded default (demo profile, H2) keeps its database, should the image be
# run without SPRING_PROFILES_ACTIVE=postgres.
RUN mkdir /app/data && chown care-reviews:care-reviews /app/data
COPY --from=build /build/target/care-reviews-*.jar /app/care-reviews.jar
USER care-reviews
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/care-reviews.jar"]
