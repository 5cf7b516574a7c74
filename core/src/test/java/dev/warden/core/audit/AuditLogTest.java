package dev.warden.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit record of a decision is CloudTrail-shaped JSON; denials carry errorCode and errorMessage. */
class AuditLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T15:04:05.123Z"), ZoneOffset.UTC);
    private static final AuditLog LOG = new AuditLog(CLOCK, 1.0);

    private static JsonNode record(AuthorizationRequest request, Decision decision) throws Exception {
        return new ObjectMapper().readTree(LOG.record(request, decision));
    }

    @Test
    void aDenial() throws Exception {
        Principal alice = Principal.of("arn:aws:iam::111122223333:user/alice");
        AuthorizationRequest request = AuthorizationRequest.builder(alice, "s3:DeleteObject", "arn:aws:s3:::downloads/a")
                .resourceAccount("444455556666").build();
        String reason = "User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:DeleteObject on "
                + "resource: arn:aws:s3:::downloads/a with an explicit deny in an identity-based policy";
        JsonNode r = record(request, new Decision(Outcome.EXPLICITLY_DENIED,
                List.of(new StatementRef(PolicyType.IDENTITY, "p", 0, "Deny", true)), reason));

        List<String> keys = new java.util.ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("eventVersion", "eventTime", "eventSource", "eventName", "userIdentity",
                "resources", "decision", "errorCode", "errorMessage", "requestID");
        assertThat(r.get("eventVersion").asText()).isEqualTo("1.08");
        assertThat(r.get("eventTime").asText()).isEqualTo("2026-11-23T15:04:05.123Z");
        assertThat(r.get("eventSource").asText()).isEqualTo("s3.amazonaws.com");
        assertThat(r.get("eventName").asText()).isEqualTo("DeleteObject");
        assertThat(r.at("/userIdentity/type").asText()).isEqualTo("IAMUser");
        assertThat(r.at("/userIdentity/arn").asText()).isEqualTo(alice.arn());
        assertThat(r.at("/userIdentity/accountId").asText()).isEqualTo("111122223333");
        assertThat(r.at("/resources/0/ARN").asText()).isEqualTo("arn:aws:s3:::downloads/a");
        assertThat(r.at("/resources/0/accountId").asText()).isEqualTo("444455556666");
        assertThat(r.get("decision").asText()).isEqualTo("ExplicitlyDenied");
        assertThat(r.get("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(r.get("errorMessage").asText()).isEqualTo(reason);
        assertThat(UUID.fromString(r.get("requestID").asText())).isNotNull();
    }

    @Test
    void anAllowHasNoError() throws Exception {
        AuthorizationRequest request = AuthorizationRequest.builder(
                Principal.of("arn:aws:sts::111122223333:assumed-role/app/s1"), "orders:GetOrder", "*").build();
        JsonNode r = record(request, new Decision(Outcome.ALLOWED, List.of(), "allowed"));
        assertThat(r.has("errorCode")).isFalse();
        assertThat(r.has("errorMessage")).isFalse();
        assertThat(r.get("decision").asText()).isEqualTo("Allowed");
        assertThat(r.get("eventSource").asText()).isEqualTo("orders.amazonaws.com");
        assertThat(r.at("/userIdentity/type").asText()).isEqualTo("AssumedRole");
        assertThat(r.at("/resources/0/accountId").asText()).as("a resource of * is the caller's account")
                .isEqualTo("111122223333");
    }

    @Test
    void identityTypesAsCloudTrailNamesThem() throws Exception {
        assertThat(type(Principal.of("arn:aws:iam::111122223333:root"))).isEqualTo("Root");
        assertThat(type(Principal.of("arn:aws:iam::111122223333:role/app"))).isEqualTo("AssumedRole");
        assertThat(type(Principal.of("arn:aws:sts::111122223333:federated-user/bob"))).isEqualTo("FederatedUser");
        assertThat(type(Principal.of("ec2.amazonaws.com"))).isEqualTo("AWSService");
        JsonNode anonymous = record(AuthorizationRequest.builder(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::b/k")
                .build(), new Decision(Outcome.IMPLICITLY_DENIED, List.of(), "no"));
        assertThat(anonymous.at("/userIdentity/type").asText()).isEqualTo("Anonymous");
        assertThat(anonymous.at("/userIdentity").has("arn")).isFalse();
    }

    private static String type(Principal p) throws Exception {
        return record(AuthorizationRequest.builder(p, "s3:GetObject", "*").build(),
                new Decision(Outcome.ALLOWED, List.of(), "ok")).at("/userIdentity/type").asText();
    }

    @Test
    void eachRecordIsOneLineWithItsOwnRequestId() throws Exception {
        AuthorizationRequest request = AuthorizationRequest.builder(Principal.of("arn:aws:iam::111122223333:user/a"),
                "s3:GetObject", "*").build();
        Decision decision = new Decision(Outcome.IMPLICITLY_DENIED, List.of(), "line one\nline two");
        String first = LOG.record(request, decision);
        assertThat(first).doesNotContain("\n");
        assertThat(record(request, decision).get("requestID")).isNotEqualTo(record(request, decision).get("requestID"));
    }

    @Test
    void theAllowSamplingRateIsAShare() {
        assertThatThrownBy(() -> new AuditLog(CLOCK, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("allow sampling must be between 0 and 1, got 1.5");
        assertThatThrownBy(() -> new AuditLog(CLOCK, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
