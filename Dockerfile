# Build: docker build -t csc-workflow .   (or: docker compose up --build)

# ---- build stage ---------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# Dependencies first, so this layer is reused until pom.xml changes.
COPY pom.xml ./
RUN mvn -B dependency:go-offline

# Sources and the models (processes/ and forms/ ship on the classpath, see pom.xml).
COPY src ./src
COPY processes ./processes
COPY forms ./forms
RUN mvn -B -DskipTests package

# ---- runtime stage -------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# curl for the HEALTHCHECK below.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 csc \
    && useradd --system --uid 10001 --gid csc --home-dir /app --shell /usr/sbin/nologin csc \
    && mkdir -p /app/data \
    && chown -R csc:csc /app

WORKDIR /app
COPY --from=build --chown=csc:csc /build/target/csc-workflow-0.1.0-SNAPSHOT.jar app.jar

ENV TZ=Europe/London
ENV JAVA_TOOL_OPTIONS="-Duser.timezone=Europe/London -XX:MaxRAMPercentage=75"

USER csc
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1

ENTRYPOINT ["java", "-jar", "app.jar"]
