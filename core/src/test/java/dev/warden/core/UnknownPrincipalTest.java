package dev.warden.core;

import static dev.warden.core.WardenFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.Principal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A principal the directory does not know is denied, whatever policies would say, and the reason says why. */
class UnknownPrincipalTest {

    private WardenFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new WardenFixture();
        f.root("AttachUserPolicy", Map.of("UserName", "alice", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::111122223333:user/bob", "arn:aws:iam::111122223333:user/eng/alice",
            "arn:aws:iam::444455556666:user/alice", "arn:aws:iam::444455556666:root", "arn:aws:iam::111122223333:role/app",
            "arn:aws:sts::111122223333:assumed-role/app/s1", "arn:aws:sts::111122223333:federated-user/alice"})
    void isDeniedBecauseThePrincipalDoesNotExist(String arn) {
        Decision d = f.warden.authorize(request(Principal.of(arn), "s3:GetObject", "arn:aws:s3:::b/k"));
        assertThat(d.outcome()).isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(d.decidingStatements()).isEmpty();
        assertThat(d.reason()).isEqualTo("User: " + arn + " is not authorized to perform: s3:GetObject because the "
                + "principal does not exist");
    }

    @Test
    void theKnownPrincipalWithTheSameNameIsAllowed() {
        assertThat(f.warden.authorize(request(WardenFixture.ALICE, "s3:GetObject", "arn:aws:s3:::b/k")).isAllowed()).isTrue();
    }

    @Test
    void aDeletedUserBecomesUnknownAtOnce() throws Exception {
        f.root("DetachUserPolicy", Map.of("UserName", "alice", "PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"));
        f.root("DeleteUser", Map.of("UserName", "alice"));
        assertThat(f.warden.authorize(request(WardenFixture.ALICE, "s3:GetObject", "arn:aws:s3:::b/k")).reason())
                .endsWith("because the principal does not exist");
    }
}
