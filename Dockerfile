# syntax=docker/dockerfile:1
#
# One recipe for the image of every service. Build it from the repository root:
#
#   docker build --build-arg SERVICE=order-command-service --build-arg SERVICE_PORT=8081 \
#     -t shop/order-command-service:dev .
#
# docker-compose.yml passes both arguments for each of the five services and the issuer. SERVICE_PORT must be
# the service's server.port from its application.yml; deployment-checks verifies that.

# The JDK and the JRE are the same Temurin release, pinned by tag. Update both together.
ARG TEMURIN_TAG=25.0.3_9

# Stage 1: build the service's executable jar with the Maven wrapper and split it into layers.
FROM eclipse-temurin:${TEMURIN_TAG}-jdk-noble AS build
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "Pass --build-arg SERVICE=<module directory>" >&2; exit 1; }
WORKDIR /workspace
COPY . .
# The cache mount keeps ~/.m2 between builds; -am builds the platform modules the service uses.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl "${SERVICE}" -am package -DskipTests \
 && java -Djarmode=tools -jar "${SERVICE}/target/${SERVICE}.jar" extract --layers --launcher \
      --destination /layers

# Stage 2: the runtime image, a JRE and the jar's layers, least frequently changed first, so that a
# code change rebuilds and ships only the small application layer.
FROM eclipse-temurin:${TEMURIN_TAG}-jre-noble
ARG SERVICE
ARG SERVICE_PORT
RUN test -n "${SERVICE_PORT}" || { echo "Pass --build-arg SERVICE_PORT=<server.port>" >&2; exit 1; } \
 && groupadd --system --gid 10001 shop \
 && useradd --system --uid 10001 --gid shop --no-create-home --shell /usr/sbin/nologin shop
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./

LABEL org.opencontainers.image.title="${SERVICE}" \
      org.opencontainers.image.description="shop: ${SERVICE}"

# Numeric user, so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 10001:10001
ENV SERVER_PORT=${SERVICE_PORT}
EXPOSE ${SERVICE_PORT}

# The JVM sizes itself from the container's limits (container support is on by default):
# the heap may take 75% of the memory limit, leaving room for metaspace, threads and buffers, and
# an OutOfMemoryError ends the process so that the orchestrator restarts it instead of it limping
# on. Override with JDK_JAVA_OPTIONS at run time.
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=50.0 -XX:+ExitOnOutOfMemoryError"

# Ready means the service's store and Kafka answer (see docs/architecture.md, Health). Compose waits
# on this; Kubernetes ignores it and uses the probes in k8s/base instead.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT}/readyz" || exit 1

# exec form: java is PID 1 and receives SIGTERM, so server.shutdown=graceful drains requests.
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
