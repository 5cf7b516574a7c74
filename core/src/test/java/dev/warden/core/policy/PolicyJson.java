package dev.warden.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Principal;

/** Builds policy documents and requests for the tests of this package. */
final class PolicyJson {

    static final String ALICE = "arn:aws:iam::111122223333:user/alice";

    private PolicyJson() {
    }

    /** A 2012-10-17 document whose {@code Statement} is an array of the given statement objects. */
    static String doc(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    /** An Allow statement for {@code s3:GetObject} on {@code *} with {@code extra} members appended. */
    static String allow(String extra) {
        return "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    /** A valid statement for a policy of {@code kind}, with {@code extra} members appended. */
    static String statementFor(PolicyKind kind, String extra) {
        String body = switch (kind.shape()) {
            case IDENTITY, SERVICE_CONTROL -> "\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"";
            case TRUST -> "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"sts:AssumeRole\"";
            case RESOURCE -> "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:GetObject\","
                    + "\"Resource\":\"arn:aws:s3:::b/*\"";
            case RESOURCE_CONTROL -> "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"";
        };
        return "{" + body + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static Policy parse(String json, PolicyKind kind) {
        try {
            return PolicyParser.parse(json, kind);
        } catch (MalformedPolicyException e) {
            throw new AssertionError("expected the policy to parse, got " + e.getMessage(), e);
        }
    }

    /** The exception parsing {@code json} as {@code kind} raises; fails the test if it parses. */
    static MalformedPolicyException refusal(String json, PolicyKind kind) {
        MalformedPolicyException e = catchThrowableOfType(MalformedPolicyException.class, () -> PolicyParser.parse(json, kind));
        assertThat(e).as("expected %s to be refused as a %s", json, kind).isNotNull();
        return e;
    }

    /** Asserts that {@code json} is refused as MalformedPolicyDocument at {@code pointer}, and returns the reason. */
    static String refusedAt(String json, PolicyKind kind, String pointer) {
        MalformedPolicyException e = refusal(json, kind);
        assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(MalformedPolicyException.MALFORMED);
        assertThat(e.pointer()).as(e.getMessage()).isEqualTo(pointer);
        return e.reason();
    }

    static RequestView request(String action, String resource) {
        return new RequestView(AuthorizationRequest.builder(Principal.of(ALICE), action, resource).build());
    }

    static AuthorizationRequest.Builder builder(String resource) {
        return AuthorizationRequest.builder(Principal.of(ALICE), "s3:GetObject", resource);
    }
}
