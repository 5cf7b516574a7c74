package dev.warden.agent.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapp.StaticCallerApp;

/**
 * The {@code static-method} and {@code thread-local} principal sources: an application that keeps its signed-in
 * user in its own static method or {@code ThreadLocal}, and binds no {@code RequestContext}, is enforced as that
 * user; a name that is not an IAM name, or no user at all, is denied.
 */
class StaticPrincipalSourcesTest {

    @TempDir
    Path folder;

    @BeforeEach
    void store() throws Exception {
        StoreFixture.aliceGetsOrdersBobNothing(folder.resolve("store"));
    }

    private ChildJvm.Finished run(String source) throws Exception {
        Path config = folder.resolve(source + ".json");
        String member = source.equals("static-method")
                ? "\"method\": \"testapp.StaticCallerApp.currentUser\""
                : "\"field\": \"testapp.StaticCallerApp.SIGNED_IN\"";
        Files.writeString(config, """
                {"store": "store", "principal": {"source": "%s", %s,
                 "arn": "arn:aws:iam::111122223333:user/{name}"}}""".formatted(source, member));
        return ChildJvm.java().agent(config).applicationClassPath().run(StaticCallerApp.class, "alice", "bob", "-");
    }

    @Test
    void aStaticMethodNamesTheCaller() throws Exception {
        assertEnforcedAsTheApplicationsUser(run("static-method"));
    }

    @Test
    void aThreadLocalNamesTheCaller() throws Exception {
        assertEnforcedAsTheApplicationsUser(run("thread-local"));
    }

    private static void assertEnforcedAsTheApplicationsUser(ChildJvm.Finished child) {
        assertThat(child.outcome("alice getOrder 7")).as(child.toString()).isEqualTo("allowed");
        assertThat(child.outcome("bob getOrder 7")).startsWith("threw dev.warden.spi.AccessDeniedException: User: "
                + "arn:aws:iam::111122223333:user/bob is not authorized to perform: orders:GetOrder");
        assertThat(child.outcome("- getOrder 7")).startsWith("threw dev.warden.spi.AccessDeniedException: User: "
                + "anonymous is not authorized").contains("is made for no principal");
        assertThat(child.outcome("alice by ARN getOrder 7")).isEqualTo("allowed");
        // why is the application's log; the denial, which may reach a client, carries no exception text
        assertThat(child.outcome("forged name getOrder 7")).startsWith("threw dev.warden.spi.AccessDeniedException")
                .endsWith("because the authorization could not be evaluated").doesNotContain("IAM name");
        assertThat(child.stderr()).contains("not an IAM name");
    }
}
