# The production image: only the application (no embedded engine, no embedded PostgreSQL, no simulator wiring).
# Build the jar first: ./mvnw -B -Pproduction -pl app -am package -DskipTests (app/target/evscallpro-app-<v>-exec.jar,
# the one executable jar of the build; the plain evscallpro-app-<v>.jar beside it is a library and does not start).
FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 evs
WORKDIR /opt/evscallpro
COPY app/target/evscallpro-app-*-exec.jar evscallpro.jar
USER evs
EXPOSE 8080 4573
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/evscallpro/evscallpro.jar"]
