package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapp.OrdersApp;

/**
 * An application started with {@code -javaagent:warden-agent.jar=config=FILE} has its {@code @Authorize} methods
 * and pointcut methods enforced with the store's policies, each call as the principal of the bound
 * {@code RequestContext}, and denied when none is bound. One child runs every call (alice's, bob's, nobody's); each
 * test reads its lines.
 */
class JavaagentEnforcementTest {

    private static final String DENIED = "threw dev.warden.spi.AccessDeniedException: ";
    private static final String ORDER = "arn:aws:orders:eu-west-1:111122223333:order/";
    private static final String BOB = "User: arn:aws:iam::111122223333:user/bob is not authorized to perform: ";

    // alice may read, delete and add books to orders in eu-west-1 only, and browse the catalog: the config's region
    // must reach the rendered ARNs for her calls to be allowed
    private static final String ALICE_POLICY = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": ["orders:GetOrder", "orders:DeleteOrder"],
               "Resource": "arn:aws:orders:eu-west-1:111122223333:order/*"},
              {"Effect": "Allow", "Action": "orders:AddItem",
               "Resource": "arn:aws:orders:eu-west-1:111122223333:order/*",
               "Condition": {"StringEquals": {"orders:Item": "book"}}},
              {"Effect": "Allow", "Action": "catalog:Browse",
               "Resource": "arn:aws:catalog:eu-west-1:111122223333:catalog/main"}]}""";

    @TempDir
    static Path dir;

    private static ChildJvm.Finished app;

    @BeforeAll
    static void runTheApplication() throws Exception {
        try (StoreFixture store = StoreFixture.create(dir.resolve("store"))) {
            store.user("alice", ALICE_POLICY).user("bob");
        }
        Path config = Files.writeString(dir.resolve("agent.json"), """
                {"store": "store", "region": "eu-west-1",
                 "pointcuts": [{"class": "testapp.Orders", "method": "deleteOrder",
                                "parameters": ["java.lang.String"], "action": "orders:DeleteOrder",
                                "resource": "arn:aws:orders:{region}:{account}:order/{id}"}]}""");
        app = ChildJvm.java().agent(config).applicationClassPath().run(OrdersApp.class, "alice", "bob", "-");
        assertThat(app.exitCode()).as(app::toString).isZero();
        assertThat(app.stderr()).as(app::toString).contains("[warden-agent] INFO enforcing with store");
    }

    @Test
    void anAnnotatedMethodIsAllowedWhenAPolicyAllowsTheCallerAndDeniedWithAwsMessageOtherwise() {
        assertThat(app.outcome("alice getOrder 7")).isEqualTo("allowed");
        assertThat(app.outcome("bob getOrder 7")).isEqualTo(DENIED + BOB + "orders:GetOrder on resource: "
                + "arn:aws:orders:eu-west-1:111122223333:order/7 because no identity-based policy allows the "
                + "orders:GetOrder action");
    }

    @Test
    void aTypeLevelAuthorizeCoversPublicMethodsButNotToString() {
        assertThat(app.outcome("alice catalog list")).isEqualTo("allowed");
        assertThat(app.outcome("bob catalog list")).isEqualTo(DENIED + BOB + "catalog:Browse on resource: "
                + "arn:aws:catalog:eu-west-1:111122223333:catalog/main because no identity-based policy allows the "
                + "catalog:Browse action");
        assertThat(app.outcome("bob catalog toString")).isEqualTo("allowed");
        assertThat(app.outcome("nobody catalog toString")).isEqualTo("allowed");
    }

    @Test
    void aPropertyTemplateAndAnIndexTemplateRenderTheResource() {
        assertThat(app.outcome("alice getOrderOf 8")).isEqualTo("allowed");
        assertThat(app.outcome("bob getOrderOf 8")).contains(" on resource: " + ORDER + "8 ");
        assertThat(app.outcome("alice getOrderAt 9")).isEqualTo("allowed");
        assertThat(app.outcome("bob getOrderAt 9")).contains(" on resource: " + ORDER + "9 ");
    }

    @Test
    void aContextTemplateReachesThePolicyCondition() {
        assertThat(app.outcome("alice addItem 7 book")).isEqualTo("allowed");
        assertThat(app.outcome("alice addItem 7 knife")).isEqualTo(DENIED
                + "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: orders:AddItem on "
                + "resource: " + ORDER + "7 because no identity-based policy allows the orders:AddItem action");
    }

    @Test
    void aPointcutEnforcesAnUnannotatedMethod() {
        assertThat(app.outcome("alice deleteOrder 7")).isEqualTo("allowed");
        assertThat(app.outcome("bob deleteOrder 7")).isEqualTo(DENIED + BOB + "orders:DeleteOrder on resource: "
                + "arn:aws:orders:eu-west-1:111122223333:order/7 because no identity-based policy allows the "
                + "orders:DeleteOrder action");
    }

    @Test
    void aCallWithNoRequestContextBoundIsDenied() {
        for (String call : new String[] {"getOrder 7", "getOrderOf 8", "getOrderAt 9", "addItem 7 book",
                "deleteOrder 7", "catalog list"}) {
            assertThat(app.outcome("nobody " + call)).as(call).startsWith(DENIED + "User: anonymous is not "
                    + "authorized to perform: ");
        }
        assertThat(app.outcome("nobody getOrder 7")).contains("made for no principal");
    }
}
