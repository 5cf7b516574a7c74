package dev.warden.core;

import static dev.warden.core.WardenFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.metrics.DecisionMetrics;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.Principal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every decision is counted in warden.decisions by outcome and service, and timed in warden.decision.latency. */
class DecisionMetricsTest {

    private WardenFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new WardenFixture();
        f.root("PutUserPolicy", Map.of("UserName", "alice", "PolicyName", "p", "PolicyDocument",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}]}"));
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private double count(String outcome, String service) {
        Counter c = f.registry.find("warden.decisions").tag("outcome", outcome).tag("service", service).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void decisionsAreCountedByOutcomeAndService() {
        // IamService's own calls above were decisions on iam: actions, counted too
        double iamBefore = count("Allowed", "iam");
        assertThat(iamBefore).isGreaterThanOrEqualTo(2);
        f.warden.authorize(request(WardenFixture.ALICE, "s3:GetObject", "arn:aws:s3:::b/k"));
        f.warden.authorize(request(WardenFixture.ALICE, "S3:GetObject", "arn:aws:s3:::b/k"));
        f.warden.authorize(request(WardenFixture.ALICE, "s3:PutObject", "arn:aws:s3:::b/k"));
        f.warden.authorize(request(WardenFixture.ALICE, "s3:DeleteObject", "arn:aws:s3:::b/k"));
        f.warden.authorize(request(Principal.of("arn:aws:iam::111122223333:user/ghost"), "sqs:SendMessage", "*"));

        assertThat(count("Allowed", "s3")).isEqualTo(2);
        assertThat(count("ImplicitlyDenied", "s3")).isEqualTo(1);
        assertThat(count("ExplicitlyDenied", "s3")).isEqualTo(1);
        assertThat(count("ImplicitlyDenied", "sqs")).isEqualTo(1);
        assertThat(count("Allowed", "iam")).isEqualTo(iamBefore);
    }

    @Test
    void noPrincipalResourceOrActionNameBecomesATag() {
        f.warden.authorize(request(WardenFixture.ALICE, "s3:GetObject", "arn:aws:s3:::b/k"));
        for (Meter meter : f.registry.find("warden.decisions").meters()) {
            assertThat(meter.getId().getTags()).extracting(t -> t.getKey()).containsExactlyInAnyOrder("outcome", "service");
        }
    }

    @Test
    void decisionsAreTimed() throws Exception {
        try (WardenFixture timedEveryTime = new WardenFixture(1)) {
            Timer latency = timedEveryTime.registry.find("warden.decision.latency").timer();
            long before = latency.count();
            for (int i = 0; i < 3; i++) {
                timedEveryTime.warden.authorize(request(WardenFixture.ALICE, "s3:GetObject", "arn:aws:s3:::b/k"));
            }
            assertThat(latency.count()).isEqualTo(before + 3);
            assertThat(latency.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        }
    }

    @Test
    void byDefaultOneDecisionInSixteenIsTimedButEveryOneCounted() {
        Timer latency = f.registry.find("warden.decision.latency").timer();
        double counted = f.registry.find("warden.decisions").counters().stream().mapToDouble(Counter::count).sum();
        long timed = latency.count();
        for (int i = 0; i < 32; i++) {
            f.warden.authorize(request(WardenFixture.ALICE, "s3:GetObject", "arn:aws:s3:::b/k"));
        }
        assertThat(latency.count() - timed).isEqualTo(2);
        assertThat(f.registry.find("warden.decisions").counters().stream().mapToDouble(Counter::count).sum())
                .isEqualTo(counted + 32);
    }

    @Test
    void failedDecisionsAreCountedAsErrorsAndServicesBeyondTheCapAsOther() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DecisionMetrics metrics = new DecisionMetrics(registry);
        metrics.recordError("s3:GetObject");
        assertThat(registry.find("warden.decisions").tag("outcome", "error").tag("service", "s3").counter().count())
                .isEqualTo(1);
        Decision allowed = new Decision(Outcome.ALLOWED, List.of(), "ok");
        for (int i = 0; i < 300; i++) {
            metrics.count("svc" + i + ":Do", allowed);
        }
        assertThat(registry.find("warden.decisions").tag("outcome", "Allowed").tag("service", "other").counter().count())
                .isEqualTo(300 - 255);
        assertThat(registry.find("warden.decisions").tag("outcome", "Allowed").meters().size()).isLessThanOrEqualTo(257);
    }
}
