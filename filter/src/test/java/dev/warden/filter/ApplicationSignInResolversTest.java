package dev.warden.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.spi.Principal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplicationSignInResolversTest {

    FilteredServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FilteredServer(FilterAuthorizationTest.ROUTES, b -> b);
        server.root("CreateUser", Map.of("UserName", "carol", "Path", "/staff/"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void theContainersUserIsTheIamUserOfThatNameWithItsPath() {
        ContainerUserResolver resolver = new ContainerUserResolver(server.warden, FilteredServer.ACCOUNT);
        assertThat(resolver.resolve(new FakeHttpRequest().user("carol").build()))
                .contains(Principal.of("arn:aws:iam::111122223333:user/staff/carol"));
        assertThat(resolver.resolve(new FakeHttpRequest().build())).isEmpty();
    }

    @Test
    void aContainerUserWardenDoesNotKnowIsRefusedNotAnonymous() {
        ContainerUserResolver resolver = new ContainerUserResolver(server.warden, FilteredServer.ACCOUNT);
        assertThatThrownBy(() -> resolver.resolve(new FakeHttpRequest().user("mallory").build()))
                .isInstanceOf(SecurityException.class)
                .hasMessage("The signed-in user is not an IAM user of account 111122223333.");
    }

    @Test
    void aSessionAttributeNamesTheUserOrHoldsThePrincipal() {
        SessionAttributeResolver resolver = new SessionAttributeResolver(server.warden, FilteredServer.ACCOUNT,
                "user");
        assertThat(resolver.resolve(new FakeHttpRequest().sessionAttribute("user", "carol").build()))
                .contains(Principal.of("arn:aws:iam::111122223333:user/staff/carol"));
        Principal role = Principal.of("arn:aws:sts::111122223333:assumed-role/app/s1");
        assertThat(resolver.resolve(new FakeHttpRequest().sessionAttribute("user", role).build())).contains(role);
        assertThat(resolver.resolve(new FakeHttpRequest().build())).as("no session").isEmpty();
        assertThat(resolver.resolve(new FakeHttpRequest().sessionAttribute("other", "x").build())).isEmpty();
    }
}
