package dev.warden.core;

import dev.warden.core.admin.IamService;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.DecisionListener;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** A Warden with its own meter registry and fixed clock, one account, and an IamService to change it. */
final class WardenFixture implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final Principal ROOT = Principal.of("arn:aws:iam::111122223333:root");
    static final Principal ALICE = Principal.of("arn:aws:iam::111122223333:user/alice");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
    static final String READ_OBJECTS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Warden warden;
    final IamService iam;

    WardenFixture(DecisionListener... listeners) throws Exception {
        this(16, listeners);
    }

    /** With the latency timer fed one decision in {@code latencySampling}. */
    WardenFixture(int latencySampling, DecisionListener... listeners) throws Exception {
        Warden.Builder builder = Warden.builder().clock(CLOCK).meterRegistry(registry).audit(false, 0)
                .serviceLoaderListeners(false).latencySampling(latencySampling);
        for (DecisionListener listener : listeners) {
            builder.listener(listener);
        }
        warden = builder.build();
        iam = warden.iam();
        iam.createAccount(ACCOUNT, null);
        iam.call(ROOT, ACCOUNT, "CreateUser", Map.of("UserName", "alice"));
    }

    void root(String action, Map<String, String> params) throws Exception {
        iam.call(ROOT, ACCOUNT, action, params);
    }

    static AuthorizationRequest request(Principal principal, String action, String resource) {
        return AuthorizationRequest.builder(principal, action, resource).build();
    }

    @Override
    public void close() throws java.io.IOException {
        warden.close();
    }
}
