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
 * An agent that cannot enforce as configured says precisely why ({@code [warden-agent] ERROR} on standard error,
 * with the file and the place in it) and fails closed: the application runs, and every enforced call is denied,
 * even alice's, whom the store allows; an annotation whose template does not fit its method denies that method.
 * The first test shows that alice is allowed when nothing is wrong.
 */
class FailClosedTest {

    private static final String MISCONFIGURED = "threw dev.warden.spi.AccessDeniedException: Call to "
            + "testapp.Orders.getOrder(String id) (orders:GetOrder) denied: the Warden agent is misconfigured: ";
    private static final String DENIED_UNTIL_FIXED = "[warden-agent] ERROR every @Authorize method ";
    /** A config that cannot be read names no pointcuts: the log must not claim they are enforced. */
    private static final String POINTCUTS_UNKNOWN = "the config's pointcuts could not be read, so methods named only "
            + "by a pointcut are NOT enforced";

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

    private static ChildJvm.Finished runAsAlice(Path config) {
        ChildJvm.Finished app = ChildJvm.java().agent(config).applicationClassPath().run(OrdersApp.class, "alice");
        assertThat(app.exitCode()).as(app::toString).isZero();
        assertThat(app.lines()).as(app::toString).contains("main started");
        return app;
    }

    /** The child said {@code problem} in an ERROR line, said that everything is denied, and denied alice. */
    private static void failedClosed(ChildJvm.Finished app, String problem) {
        assertThat(app.stderr()).as(app::toString).contains("[warden-agent] ERROR " + problem)
                .contains(DENIED_UNTIL_FIXED);
        assertThat(app.outcome("alice getOrder 7")).as(app::toString).startsWith(MISCONFIGURED + problem);
        assertThat(app.outcome("alice catalog list")).as(app::toString).startsWith("threw ")
                .contains("the Warden agent is misconfigured: ");
    }

    @Test
    void aSoundConfigAllowsAlice() throws Exception {
        ChildJvm.Finished app = runAsAlice(config("""
                {"store": "store"}"""));

        assertThat(app.stderr()).as(app::toString).doesNotContain("[warden-agent] ERROR");
        assertThat(app.outcome("alice getOrder 7")).isEqualTo("allowed");
    }

    @Test
    void aMissingStoreFolderDeniesEveryCall() throws Exception {
        ChildJvm.Finished app = runAsAlice(config("""
                {"store": "no-such-store"}"""));

        failedClosed(app, "store " + dir.resolve("no-such-store") + ": no such folder");
        assertThat(app.stderr()).contains("every @Authorize method and pointcut is DENIED").doesNotContain(
                POINTCUTS_UNKNOWN);
    }

    @Test
    void aFolderThatIsNotAStoreDeniesEveryCall() throws Exception {
        Files.createDirectories(dir.resolve("documents"));
        Files.writeString(dir.resolve("documents/notes.txt"), "not a store");
        ChildJvm.Finished app = runAsAlice(config("""
                {"store": "documents"}"""));

        failedClosed(app, "store " + dir.resolve("documents") + ": not a Warden store (no warden-store.json)");
    }

    @Test
    void anUnparsableConfigIsReportedWithLineAndColumnAndDeniesEveryCall() throws Exception {
        Path config = config("""
                {"store": "store",
                 "region" "us-east-1"}""");

        ChildJvm.Finished app = runAsAlice(config);

        failedClosed(app, config + ": line 2, column 11: not valid JSON: ");
        assertThat(app.stderr()).contains(POINTCUTS_UNKNOWN);
    }

    @Test
    void anUnknownFieldIsReportedWithItsJsonPointerAndDeniesEveryCall() throws Exception {
        Path config = config("""
                {"store": "store", "colour": "red"}""");

        ChildJvm.Finished app = runAsAlice(config);

        failedClosed(app, config + ": /colour: unknown field; known: ");
        assertThat(app.stderr()).contains(POINTCUTS_UNKNOWN);
    }

    @Test
    void aPointcutNamingNoMethodIsReportedWithItsLocationAndClassAndDeniesEveryCall() throws Exception {
        Path config = config("""
                {"store": "store",
                 "pointcuts": [{"class": "testapp.Orders", "method": "cancelOrder",
                                "action": "orders:CancelOrder", "resource": "*"}]}""");

        ChildJvm.Finished app = runAsAlice(config);

        failedClosed(app, config + " /pointcuts/0: pointcut testapp.Orders.cancelOrder(..) matches no method of "
                + "testapp.Orders (it has no method named 'cancelOrder')");
    }

    @Test
    void aResourceTemplateNamingNoParameterIsReportedAndDeniesEveryCall() throws Exception {
        Path config = config("""
                {"store": "store",
                 "pointcuts": [{"class": "testapp.Orders", "method": "deleteOrder",
                                "parameters": ["java.lang.String"], "action": "orders:DeleteOrder",
                                "resource": "arn:aws:orders:{region}:{account}:order/{idd}"}]}""");

        ChildJvm.Finished app = runAsAlice(config);

        failedClosed(app, config + " /pointcuts/0: 'arn:aws:orders:{region}:{account}:order/{idd}': {idd} names "
                + "no parameter of ");
        // the pointcut's own method, too: it is woven, and denies
        assertThat(app.outcome("alice deleteOrder 7")).startsWith("threw dev.warden.spi.AccessDeniedException: Call "
                + "to testapp.Orders.deleteOrder(String id) (orders:DeleteOrder) denied: the Warden agent is "
                + "misconfigured: ");
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
        assertThat(app.outcome("alice broken 7")).isEqualTo("threw dev.warden.spi.AccessDeniedException: Call to "
                + "testapp.BrokenTemplateApp.broken(String id) (orders:GetOrder) denied: the Warden agent is "
                + "misconfigured: " + problem);
        assertThat(app.outcome("alice sound 7")).isEqualTo("allowed");
    }
}
