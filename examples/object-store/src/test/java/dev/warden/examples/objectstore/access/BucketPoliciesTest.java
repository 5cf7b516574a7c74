package dev.warden.examples.objectstore.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.core.eval.EvaluationInput;
import dev.warden.core.eval.Evaluator;
import dev.warden.examples.objectstore.storage.CannedAcl;
import dev.warden.examples.objectstore.storage.ObjectHeaders;
import dev.warden.examples.objectstore.storage.ObjectStore;
import dev.warden.filter.ResourcePolicy;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Outcome;
import dev.warden.spi.Principal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BucketPolicies answers the owner and the bucket policy plus canned ACL grants, decided here by Warden's own
 * evaluator exactly as WardenFilter would use them.
 */
class BucketPoliciesTest {

    private static final String OWNER = "111122223333";
    private static final Principal ALICE = new Principal("arn:aws:iam::111122223333:user/alice",
            Principal.Kind.USER, OWNER);
    private static final String PUBLIC_PREFIX_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject",
             "Resource":"arn:aws:s3:::seeds/public/*"}]}""";

    private Path dir;
    private ObjectStore store;
    private BucketPolicies policies;

    @BeforeEach
    void open() throws Exception {
        dir = Files.createTempDirectory("bucket-policies");
        store = ObjectStore.open(dir, Clock.systemUTC());
        store.createBucket("seeds", OWNER, null, CannedAcl.PRIVATE);
        policies = new BucketPolicies(store);
    }

    @AfterEach
    void clean() throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void put(String key, CannedAcl acl) throws Exception {
        store.put("seeds", key, new ByteArrayInputStream(new byte[] {1}), ObjectHeaders.NONE.withAcl(acl), null);
    }

    /** The decision on {@code arn} with only the resource policy BucketPolicies answers (no identity policy). */
    private Outcome decide(Principal caller, String action, String arn) {
        ResourcePolicy resource = policies.find(arn);
        AuthorizationRequest.Builder request = AuthorizationRequest.builder(caller, action, arn)
                .resourceAccount(resource.ownerAccountId());
        if (caller.isAuthenticated()) {
            request.context("aws:PrincipalArn", caller.arn());
        }
        return Evaluator.decide(request.build(), new EvaluationInput(null, null, null, null, null,
                resource.policy(), null)).outcome();
    }

    @Test
    void unknownBucketsAndOtherServicesAreNotKnown() {
        assertThat(policies.find("arn:aws:s3:::nobucket")).isNull();
        assertThat(policies.find("arn:aws:s3:::nobucket/key")).isNull();
        assertThat(policies.find("arn:aws:sqs:us-east-1:111122223333:queue")).isNull();
    }

    @Test
    void privateBucketWithoutPolicyHasItsOwnerAndNoPolicy() {
        assertThat(policies.find("arn:aws:s3:::seeds")).isEqualTo(new ResourcePolicy(OWNER, null));
        assertThat(policies.find("arn:aws:s3:::seeds/any/key")).isEqualTo(new ResourcePolicy(OWNER, null));
    }

    @Test
    void bucketPolicyIsCompiledAndDecides() throws Exception {
        store.putBucketPolicy("seeds", PUBLIC_PREFIX_POLICY);

        assertThat(decide(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::seeds/public/a.txt"))
                .isEqualTo(Outcome.ALLOWED);
        assertThat(decide(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::seeds/private/a.txt"))
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(policies.find("arn:aws:s3:::seeds").policy().policies()).extracting(p -> p.name())
                .containsExactly("arn:aws:s3:::seeds");
    }

    @Test
    void publicReadBucketLetsEveryoneListButReadsNoObject() throws Exception {
        store.putBucketAcl("seeds", CannedAcl.PUBLIC_READ);
        put("k", CannedAcl.PRIVATE);

        assertThat(decide(Principal.anonymous(), "s3:ListBucket", "arn:aws:s3:::seeds")).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::seeds/k"))
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decide(Principal.anonymous(), "s3:PutObject", "arn:aws:s3:::seeds/k"))
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
    }

    @Test
    void publicReadWriteBucketLetsEveryoneWriteObjects() throws Exception {
        store.putBucketAcl("seeds", CannedAcl.PUBLIC_READ_WRITE);

        assertThat(decide(Principal.anonymous(), "s3:PutObject", "arn:aws:s3:::seeds/new")).isEqualTo(Outcome.ALLOWED);
        assertThat(decide(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::seeds/new"))
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
    }

    @Test
    void publicReadObjectIsReadableByEveryoneAndOnlyThatObject() throws Exception {
        put("open *?${aws:username}", CannedAcl.PUBLIC_READ);
        put("closed", CannedAcl.PRIVATE);

        assertThat(decide(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::seeds/open *?${aws:username}"))
                .isEqualTo(Outcome.ALLOWED);
        assertThat(decide(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::seeds/closed"))
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decide(Principal.anonymous(), "s3:DeleteObject", "arn:aws:s3:::seeds/open *?${aws:username}"))
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
    }

    @Test
    void authenticatedReadObjectIsReadableBySignedInCallersOnly() throws Exception {
        put("members", CannedAcl.AUTHENTICATED_READ);

        assertThat(decide(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::seeds/members"))
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
        assertThat(decide(ALICE, "s3:GetObject", "arn:aws:s3:::seeds/members")).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void compiledPoliciesAreCachedUntilThePolicyOrAclChanges() throws Exception {
        store.putBucketPolicy("seeds", PUBLIC_PREFIX_POLICY);
        ResourcePolicy first = policies.find("arn:aws:s3:::seeds");
        assertThat(policies.find("arn:aws:s3:::seeds").policy()).isSameAs(first.policy());

        store.putBucketAcl("seeds", CannedAcl.PUBLIC_READ);
        assertThat(policies.find("arn:aws:s3:::seeds").policy()).isNotSameAs(first.policy());
        assertThat(decide(Principal.anonymous(), "s3:ListBucket", "arn:aws:s3:::seeds")).isEqualTo(Outcome.ALLOWED);

        store.putBucketPolicy("seeds", null);
        store.putBucketAcl("seeds", CannedAcl.PRIVATE);
        assertThat(policies.find("arn:aws:s3:::seeds").policy()).isNull();
        assertThat(decide(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::seeds/public/a.txt"))
                .isEqualTo(Outcome.IMPLICITLY_DENIED);
    }

    @Test
    void objectAclChangeIsSeenAtOnce() throws Exception {
        put("k", CannedAcl.PRIVATE);
        assertThat(decide(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::seeds/k"))
                .isEqualTo(Outcome.IMPLICITLY_DENIED);

        store.putObjectAcl("seeds", "k", CannedAcl.PUBLIC_READ);

        assertThat(decide(Principal.anonymous(), "s3:GetObject", "arn:aws:s3:::seeds/k")).isEqualTo(Outcome.ALLOWED);
    }
}
