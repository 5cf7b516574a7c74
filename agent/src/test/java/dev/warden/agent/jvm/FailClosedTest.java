package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapp.BrokenTemplateApp;
import testapp.OrdersApp;

/**
 * What goes wrong after the JVM started (problems found at start stop it: {@link RefusedStartTest}) fails closed:
 * a store that fails to load while the application starts denies every enforced call, even alice's, whom the store
 * allows; an annotation whose template does not fit its method denies that method. Standard error says precisely
 * why; the denial itself says only that the call's authorization is misconfigured (it may reach a client). The first
 * test shows that alice is allowed when nothing is wrong.
 */
class FailClosedTest {

    private static final String MISCONFIGURED = "threw dev.warden.spi.AccessDeniedException: Not authorized to "
            + "perform: orders:GetOrder because the authorization of this call is misconfigured";

    @TempDir
    Path dir;

    @BeforeEach
    void aliceMayReadOrders() throws Exception {
        try (StoreFixture store = StoreFixture.create(dir.resolve("store"))) {
            store.user("alice", StoreFixture.allow("orders:*", "arn:aws:orders:*:111122223333:order/*"));
        }
    }

    private Path config(String json) throws Exception {
        return Files.writeString(dir.resolve("agent.json"), json);
    }

    @Test
    void aSoundConfigAllowsAlice() throws Exception {
        ChildJvm.Finished app = ChildJvm.java().agent(config("""
                {"store": "store"}""")).applicationClassPath().run(OrdersApp.class, "alice");

        assertThat(app.stderr()).as(app::toString).doesNotContain("[warden-agent] ERROR");
        assertThat(app.outcome("alice getOrder 7")).isEqualTo("allowed");
    }

    @Test
    void aStoreThatFailsToLoadDeniesEveryCall() throws Exception {
        // a folder that passes for a store when the agent starts, and fails when the store loads
        Files.writeString(dir.resolve("store/warden-store.json"), "{\"format\": 2}");
        Path config = config("""
                {"store": "store",
                 "pointcuts": [{"class": "testapp.Orders", "method": "deleteOrder", "action": "orders:DeleteOrder",
                                "resource": "arn:aws:orders:{region}:{account}:order/{id}"}]}""");

        ChildJvm.Finished app = ChildJvm.java().agent(config).applicationClassPath().run(OrdersApp.class, "alice");

        assertThat(app.exitCode()).as(app::toString).isZero();
        assertThat(app.stderr()).as(app::toString).contains("[warden-agent] ERROR store " + dir.resolve("store")
                        + ": cannot be opened: " + dir.resolve("store/warden-store.json") + ": store format 2 is not "
                        + "supported")
                .contains("[warden-agent] ERROR every @Authorize method and pointcut is DENIED until this is fixed");
        assertThat(app.outcome("alice getOrder 7")).as(app::toString).isEqualTo(MISCONFIGURED);
        assertThat(app.outcome("alice catalog list")).as(app::toString).startsWith("threw ")
                .endsWith("because the authorization of this call is misconfigured");
        assertThat(app.outcome("alice deleteOrder 7")).as(app::toString).isEqualTo("threw "
                + "dev.warden.spi.AccessDeniedException: Not authorized to perform: orders:DeleteOrder because the "
                + "authorization of this call is misconfigured");
    }

    @Test
    void anAnnotationTemplateNamingNoParameterIsReportedAndDeniesThatMethodOnly() throws Exception {
        Path config = config("""
                {"store": "store"}""");

        ChildJvm.Finished app = ChildJvm.java().agent(config).applicationClassPath().run(BrokenTemplateApp.class);

        String problem = "@Authorize on testapp.BrokenTemplateApp.broken(String id): "
                + "'arn:aws:orders:{region}:{account}:order/{idd}': {idd} names no parameter of "
                + "BrokenTemplateApp.broken(String id)";
        assertThat(app.stderr()).as(app::toString).contains("[warden-agent] ERROR " + problem
                + "; every call to it is DENIED until this is fixed");
        assertThat(app.outcome("alice broken 7")).isEqualTo(MISCONFIGURED);
        assertThat(app.stderr()).as(app::toString).contains("call to testapp.BrokenTemplateApp.broken(String id) "
                + "(orders:GetOrder) denied, and every further call to it: the Warden agent is misconfigured: "
                + problem);
        assertThat(app.outcome("alice sound 7")).isEqualTo("allowed");
    }
}
