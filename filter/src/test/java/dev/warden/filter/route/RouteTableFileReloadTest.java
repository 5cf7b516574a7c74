package dev.warden.filter.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.core.MovableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteTableFileReloadTest {

    @TempDir
    Path dir;

    private static String table(int routes) {
        StringBuilder json = new StringBuilder("{\"Version\": \"1\", \"Protocol\": \"s3\", \"Routes\": [");
        for (int i = 0; i < routes; i++) {
            json.append(i == 0 ? "" : ",").append("{\"Route\": \"GET /r").append(i).append("\", \"Public\": true}");
        }
        return json.append("]}").toString();
    }

    @Test
    void editsArePickedUpAfterTheCheckIntervalAndInvalidEditsLeaveTheLastGoodTable() throws Exception {
        Path file = Files.writeString(dir.resolve("routes.json"), table(1));
        MovableClock clock = new MovableClock(Instant.parse("2026-11-23T14:00:00Z"));
        RouteTableFile routes = RouteTableFile.open(file, Duration.ofSeconds(1), clock);
        assertThat(routes.get().size()).isEqualTo(1);

        Files.writeString(file, table(2));
        assertThat(routes.get().size()).as("not looked at before the interval").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(routes.get().size()).isEqualTo(2);

        Files.writeString(file, "{\"Version\": \"1\", \"Protocol\": \"s3\", \"Routes\": [{\"Route\": \"GET /x\"}]}");
        clock.advance(Duration.ofSeconds(1));
        assertThat(routes.get().size()).as("the last good table stays").isEqualTo(2);
        assertThat(routes.lastRejection()).hasValueSatisfying(e -> assertThat(e.getMessage())
                .isEqualTo(file + ": /Routes/0/Action: missing (a route needs an Action and a Resource, or "
                        + "\"Public\": true)"));

        Files.writeString(file, table(3));
        clock.advance(Duration.ofSeconds(1));
        assertThat(routes.get().size()).isEqualTo(3);
        assertThat(routes.lastRejection()).isEmpty();
    }

    @Test
    void aDeletedFileLeavesTheLastGoodTable() throws Exception {
        Path file = Files.writeString(dir.resolve("routes.json"), table(1));
        MovableClock clock = new MovableClock(Instant.parse("2026-11-23T14:00:00Z"));
        RouteTableFile routes = RouteTableFile.open(file, Duration.ofSeconds(1), clock);
        Files.delete(file);
        clock.advance(Duration.ofSeconds(2));
        assertThat(routes.get().size()).isEqualTo(1);
    }

    @Test
    void anInvalidFileCannotBeOpened() throws Exception {
        Path file = Files.writeString(dir.resolve("routes.json"), "{");
        assertThatThrownBy(() -> RouteTableFile.open(file, Duration.ofSeconds(1), Clock.systemUTC()))
                .isInstanceOf(RouteTableException.class).hasMessageStartingWith(file + ": line 1, column 2: ");
        assertThatThrownBy(() -> RouteTableFile.open(dir.resolve("missing.json"), Duration.ofSeconds(1),
                Clock.systemUTC())).isInstanceOf(RouteTableException.class).hasMessageContaining("cannot be read");
    }
}
