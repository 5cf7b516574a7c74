package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapp.CustomDenied;
import testapp.OrdersApp;
import testapp.nospi.LedgerApp;

/**
 * A denial is thrown as the type the application can catch: the config's {@code "denial"} class; by default the
 * spi's {@code AccessDeniedException}; and, for an application that does not have the spi, a
 * {@code SecurityException}. The message is AWS's in every case.
 */
class AccessDeniedExceptionTypeTest {

    private static final String BOB = "User: arn:aws:iam::111122223333:user/bob is not authorized to perform: ";

    @TempDir
    Path dir;

    @BeforeEach
    void aliceMayAndBobMayNot() throws Exception {
        try (StoreFixture store = StoreFixture.create(dir.resolve("store"))) {
            store.user("alice", """
                    {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": ["orders:GetOrder", "ledger:Post"], "Resource": "*"}]}""")
                    .user("bob");
        }
    }

    @Test
    void theConfiguredDenialTypeIsThrown() throws Exception {
        Path config = Files.writeString(dir.resolve("agent.json"), """
                {"store": "store", "denial": "%s"}""".formatted(CustomDenied.class.getName()));

        ChildJvm.Finished app = ChildJvm.java().agent(config).applicationClassPath().run(OrdersApp.class, "alice",
                "bob");

        assertThat(app.outcome("alice getOrder 7")).isEqualTo("allowed");
        assertThat(app.outcome("bob getOrder 7")).isEqualTo("threw testapp.CustomDenied: " + BOB
                + "orders:GetOrder on resource: arn:aws:orders:us-east-1:111122223333:order/7 because no "
                + "identity-based policy allows the orders:GetOrder action");
    }

    @Test
    void anApplicationWithoutTheSpiGetsASecurityException() throws Exception {
        Path config = Files.writeString(dir.resolve("agent.json"), """
                {"store": "store",
                 "principal": {"source": "thread-local", "field": "testapp.nospi.CurrentUser.NAME",
                               "arn": "arn:aws:iam::111122223333:user/{name}"},
                 "pointcuts": [{"class": "testapp.nospi.Ledger", "method": "post",
                                "action": "ledger:Post",
                                "resource": "arn:aws:ledger:{region}:{account}:entry/{entry}"}]}""");

        ChildJvm.Finished app = ChildJvm.java().agent(config).classPath(List.of(ChildJvm.testClasses()))
                .run(LedgerApp.class, "alice", "bob");

        assertThat(app.outcome("spi")).as(app::toString).isEqualTo("invisible");
        assertThat(app.outcome("alice post")).as(app::toString).isEqualTo("allowed");
        assertThat(app.outcome("bob post")).as(app::toString).matches("threw [\\w.$]+ \\(SecurityException: true\\): "
                + java.util.regex.Pattern.quote(BOB + "ledger:Post on resource: "
                + "arn:aws:ledger:us-east-1:111122223333:entry/entry-1 because no identity-based policy allows the "
                + "ledger:Post action"));
    }
}
