package dev.warden.core;

import static dev.warden.core.WardenFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.DecisionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listeners hear every decision; one that throws changes nothing, for the caller or the other listeners. */
class DecisionListenerTest {

    @Test
    void aThrowingListenerDoesNotChangeTheDecision() throws Exception {
        List<Decision> heard = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        DecisionListener broken = (request, decision, n) -> {
            throw new IllegalStateException("listener bug");
        };
        DecisionListener recorder = (request, decision, n) -> {
            heard.add(decision);
            nanos.add(n);
        };
        try (WardenFixture f = new WardenFixture(broken, recorder)) {
            f.root("PutUserPolicy", Map.of("UserName", "alice", "PolicyName", "p", "PolicyDocument",
                    WardenFixture.READ_OBJECTS));
            heard.clear();
            AuthorizationRequest read = request(WardenFixture.ALICE, "s3:GetObject", "arn:aws:s3:::b/k");
            AuthorizationRequest write = request(WardenFixture.ALICE, "s3:PutObject", "arn:aws:s3:::b/k");

            Decision allowed = f.warden.authorize(read);
            Decision denied = f.warden.authorize(write);

            assertThat(allowed.isAllowed()).isTrue();
            assertThat(denied.isAllowed()).isFalse();
            assertThat(denied.reason()).endsWith("because no identity-based policy allows the s3:PutObject action");
            assertThat(heard).containsExactly(allowed, denied);
            assertThat(nanos).allMatch(n -> n >= 0);
        }
    }

    @Test
    void aListenerThatDoesNotNeedLatencyIsToldItWasNotMeasured() throws Exception {
        List<Long> nanos = new ArrayList<>();
        DecisionListener cheap = new DecisionListener() {
            @Override
            public void onDecision(AuthorizationRequest request, Decision decision, long n) {
                nanos.add(n);
            }

            @Override
            public boolean needsLatency() {
                return false;
            }
        };
        try (WardenFixture f = new WardenFixture(1_000_000, cheap)) {
            nanos.clear();
            f.warden.authorize(request(WardenFixture.ALICE, "s3:GetObject", "arn:aws:s3:::b/k"));
            assertThat(nanos).containsExactly(-1L);
        }
    }

    @Test
    void listenersHearTheRequestAsAsked() throws Exception {
        List<AuthorizationRequest> requests = new ArrayList<>();
        try (WardenFixture f = new WardenFixture((request, decision, n) -> requests.add(request))) {
            requests.clear();
            AuthorizationRequest read = AuthorizationRequest.builder(WardenFixture.ALICE, "s3:GetObject", "arn:aws:s3:::b/k")
                    .context("aws:SourceIp", "203.0.113.7").build();
            f.warden.authorize(read);
            assertThat(requests).containsExactly(read);
        }
    }
}
