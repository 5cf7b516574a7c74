package dev.warden.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The checked-in store, {@code examples/orders/warden-data}, read as the plain files a reader of the example sees:
 * alice and bob, the OrdersReadOnly policy attached to alice only, and no secrets.
 */
class WardenDataTest {

    private static final Path STORE = Path.of("warden-data");
    private static final Path ACCOUNT = STORE.resolve("accounts/111122223333");

    @Test
    void aliceAndBobAreTheOnlyUsers() throws Exception {
        try (var users = Files.list(ACCOUNT.resolve("users"))) {
            assertThat(users.map(p -> p.getFileName().toString()).sorted()).containsExactly("alice.json", "bob.json");
        }
    }

    @Test
    void onlyAliceHoldsTheReadOnlyPolicy() throws Exception {
        assertThat(Files.readString(ACCOUNT.resolve("users/alice.json")))
                .contains("\"attachedPolicies\": [ \"arn:aws:iam::111122223333:policy/OrdersReadOnly\" ]");
        assertThat(Files.readString(ACCOUNT.resolve("users/bob.json"))).doesNotContain("attachedPolicies",
                "inlinePolicies");
        assertThat(Files.readString(ACCOUNT.resolve("policies/OrdersReadOnly.json")))
                .contains("\\\"Action\\\": [\\\"orders:GetOrder\\\", \\\"orders:ListOrders\\\"]",
                        "arn:aws:orders:*:111122223333:order/*");
    }

    @Test
    void theStoresInternalsAreNeverCommitted() throws Exception {
        assertThat(Files.readString(STORE.resolve(".gitignore"))).contains(".warden/");
        assertThat(Files.readString(STORE.resolve("warden-store.json"))).contains("\"format\": 1");
    }
}
