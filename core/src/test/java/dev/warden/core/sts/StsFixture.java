package dev.warden.core.sts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.MovableClock;

import dev.warden.core.Warden;
import dev.warden.core.auth.AuthenticationException;
import dev.warden.core.auth.Caller;
import dev.warden.core.auth.MasterKey;
import dev.warden.core.auth.mfa.Base32;
import dev.warden.core.auth.mfa.Totp;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.core.policy.StatementIndex;
import dev.warden.core.store.InMemoryDirectoryStore;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Warden with STS over an in-memory store, a clock the test moves, and two accounts: 111122223333 (alias
 * {@code example}) and 444455556666. Users get access keys; calls go through {@link CallerCredentials} as a signed
 * request's would.
 */
final class StsFixture implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final String OTHER = "444455556666";
    static final Principal ROOT = Principal.of("arn:aws:iam::111122223333:root");


    final MovableClock clock = new MovableClock(Instant.parse("2026-11-23T12:00:00Z"));
    final MasterKey masterKey = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Warden warden;

    StsFixture() throws Exception {
        this((user, serial, code) -> {
            if (!code.equals("123456")) {
                throw new IamException(IamError.ACCESS_DENIED, MfaCheck.FAILED);
            }
        });
    }

    /** @param mfa checks MFA codes; {@code null} for the directory's own devices */
    StsFixture(MfaCheck mfa) throws Exception {
        Warden.Builder builder = Warden.builder().store(new InMemoryDirectoryStore()).meterRegistry(registry)
                .audit(false, 0).serviceLoaderListeners(false).masterKey(masterKey).clock(clock);
        warden = (mfa == null ? builder : builder.mfaCheck(mfa)).build();
        warden.iam().createAccount(ACCOUNT, "example");
        warden.iam().createAccount(OTHER, null);
    }

    static Map<String, String> params(String... namesAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    ObjectNode iam(String account, String action, String... params) throws Exception {
        return warden.iam().call(Principal.of("arn:aws:iam::" + account + ":root"), account, action, params(params));
    }

    /** Creates {@code name} in {@code account} with inline policy {@code policy} (if not null); returns its caller. */
    CallerCredential user(String account, String name, String policy) throws Exception {
        iam(account, "CreateUser", "UserName", name);
        if (policy != null) {
            iam(account, "PutUserPolicy", "UserName", name, "PolicyName", "p", "PolicyDocument", policy);
        }
        ObjectNode key = iam(account, "CreateAccessKey", "UserName", name);
        return resolve(key.at("/AccessKey/AccessKeyId").asText(), null);
    }

    /** Deletes user {@code name} of {@code account} made by {@link #user}: its access key, inline policy and itself. */
    void deleteUser(String account, String name, CallerCredential key) throws Exception {
        iam(account, "DeleteAccessKey", "UserName", name, "AccessKeyId", key.accessKeyId());
        iam(account, "DeleteUserPolicy", "UserName", name, "PolicyName", "p");
        iam(account, "DeleteUser", "UserName", name);
    }

    /** Creates role {@code name} in {@code account} with {@code trust} and inline policy {@code policy}. */
    String role(String account, String name, String trust, String policy) throws Exception {
        iam(account, "CreateRole", "RoleName", name, "AssumeRolePolicyDocument", trust);
        if (policy != null) {
            iam(account, "PutRolePolicy", "RoleName", name, "PolicyName", "p", "PolicyDocument", policy);
        }
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    /** Creates virtual MFA device {@code name} in {@code account} and enables it for the root user; its seed. */
    byte[] rootMfaDevice(String account, String name) throws Exception {
        var device = iam(account, "CreateVirtualMFADevice", "VirtualMFADeviceName", name).get("VirtualMFADevice");
        byte[] seed = Base32.decode(new String(Base64.getDecoder()
                .decode(device.get("Base32StringSeed").asText()), StandardCharsets.US_ASCII));
        long step = Totp.AWS.step(clock.instant());
        iam(account, "EnableMFADevice", "SerialNumber", device.get("SerialNumber").asText(),
                "AuthenticationCode1", Totp.AWS.generate(seed, step - 1),
                "AuthenticationCode2", Totp.AWS.generate(seed, step));
        return seed;
    }

    /** The root user's access key in {@code account}, created as the root user does: without a user name. */
    CallerCredential rootKey(String account) throws Exception {
        return resolve(iam(account, "CreateAccessKey").at("/AccessKey/AccessKeyId").asText(), null);
    }

    CallerCredential resolve(String accessKeyId, String token) throws AuthenticationException {
        return warden.credentials().lookup(accessKeyId, token);
    }

    /** Calls STS as {@code who}. */
    ObjectNode sts(CallerCredential who, String action, String... params) throws IamException {
        return warden.sts().call(who.caller(), who.session(), action, params(params));
    }

    /** Calls STS as {@code who}; the call must fail, and its error is returned. */
    IamException stsFails(CallerCredential who, String action, String... params) {
        try {
            sts(who, action, params);
        } catch (IamException e) {
            return e;
        }
        throw new AssertionError(action + " " + String.join(" ", params) + " should have failed");
    }

    /** Runs {@code call}, which must fail with AWS's {@code error} and exactly {@code message}. */
    static void refused(ThrowingCall call, IamError error, String message) {
        try {
            call.run();
        } catch (IamException e) {
            assertThat(e.error()).as(e.getMessage()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
            return;
        } catch (Exception e) {
            throw new AssertionError("expected " + error + ", got " + e, e);
        }
        throw new AssertionError("should have failed with " + error);
    }

    /** A call that may fail. */
    interface ThrowingCall {
        void run() throws Exception;
    }

    /** The credentials in an STS answer, resolved as a request signed with them would be. */
    CallerCredential session(ObjectNode answer) throws AuthenticationException {
        return resolve(answer.at("/Credentials/AccessKeyId").asText(), answer.at("/Credentials/SessionToken").asText());
    }

    /** Decides {@code action} on {@code resource} for {@code who}, with its credentials' keys and session policy. */
    Decision decide(CallerCredential who, String action, String resource) {
        Caller caller = who.caller();
        AuthorizationRequest.Builder request = AuthorizationRequest.builder(caller.principal(), action, resource);
        caller.contextAt(clock.instant()).forEach(request::context);
        return warden.authorize(request.build(), null, caller.sessionPolicy());
    }

    /** Decides as {@link #decide} does, with {@code resourcePolicy} as the resource's policy in {@code owner}. */
    Decision decide(CallerCredential who, String action, String resource, String owner, String resourcePolicy)
            throws MalformedPolicyException {
        Caller caller = who.caller();
        AuthorizationRequest.Builder request = AuthorizationRequest.builder(caller.principal(), action, resource)
                .resourceAccount(owner);
        caller.contextAt(clock.instant()).forEach(request::context);
        StatementIndex policy = StatementIndex.of(List.of(CompiledPolicy.parse(resourcePolicy, PolicyKind.RESOURCE,
                "resource policy", PolicyType.RESOURCE)));
        return warden.authorize(request.build(), policy, caller.sessionPolicy());
    }

    /** A resource policy allowing {@code principalArn} {@code s3:GetObject} on the objects of bucket reports. */
    static String bucketPolicyFor(String principalArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principalArn + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\"}]}";
    }

    static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    static String trust(String principalArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principalArn + "\"},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]}]}";
    }

    static String trust(String principalArn, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principalArn + "\"},\"Action\":\"sts:AssumeRole\",\"Condition\":" + condition + "}]}";
    }

    @Override
    public void close() throws Exception {
        warden.close();
    }
}
