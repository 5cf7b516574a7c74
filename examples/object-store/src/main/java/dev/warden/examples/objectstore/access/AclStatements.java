package dev.warden.examples.objectstore.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.policy.CompiledPolicy;
import dev.warden.core.policy.MalformedPolicyException;
import dev.warden.core.policy.PolicyKind;
import dev.warden.examples.objectstore.storage.CannedAcl;
import dev.warden.spi.PolicyType;
import java.util.List;

/**
 * Canned ACLs written as the policy statements that grant the same, so that WardenFilter evaluates S3's legacy
 * mechanism with the bucket policy, as AWS does:
 *
 * <ul>
 *   <li>a bucket's {@code public-read}: everyone may list it ({@code s3:ListBucket}, {@code s3:ListBucketVersions},
 *       {@code s3:ListBucketMultipartUploads} on the bucket). As in S3, it makes no object readable;</li>
 *   <li>a bucket's {@code public-read-write}: that, and everyone may write and delete its objects
 *       ({@code s3:PutObject}, {@code s3:DeleteObject} on {@code bucket/*}): S3's WRITE on a bucket;</li>
 *   <li>an object's {@code public-read}: everyone may read it ({@code s3:GetObject}, {@code s3:GetObjectVersion}).
 *       The statement names {@code bucket/*} rather than the object's own ARN: it is only ever put in the policy
 *       answered for that one object, and a key's {@code *}, {@code ?} or {@code ${...}} would otherwise be read as
 *       wildcards or policy variables;</li>
 *   <li>{@code authenticated-read}: the same READ grants for S3's AuthenticatedUsers group, written as
 *       {@code Principal "*"} with {@code "Null": {"aws:PrincipalArn": "false"}}: any signed-in AWS principal,
 *       never an anonymous caller (which has no principal ARN);</li>
 *   <li>{@code private}: no statement (the owner's access comes from its identity policies).</li>
 * </ul>
 */
final class AclStatements {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BUCKET_READ = List.of("s3:ListBucket", "s3:ListBucketVersions",
            "s3:ListBucketMultipartUploads");
    private static final List<String> BUCKET_WRITE = List.of("s3:PutObject", "s3:DeleteObject");
    private static final List<String> OBJECT_READ = List.of("s3:GetObject", "s3:GetObjectVersion");

    private AclStatements() {
    }

    /** The bucket ACL's grants, or {@code null} for {@code private}. */
    static CompiledPolicy forBucket(String bucket, CannedAcl acl) {
        String arn = "arn:aws:s3:::" + bucket;
        ObjectNode policy = policy();
        ArrayNode statements = policy.withArray("Statement");
        switch (acl) {
            case PUBLIC_READ -> statements.add(statement("BucketAclPublicRead", BUCKET_READ, arn, false));
            case PUBLIC_READ_WRITE -> {
                statements.add(statement("BucketAclPublicRead", BUCKET_READ, arn, false));
                statements.add(statement("BucketAclPublicWrite", BUCKET_WRITE, arn + "/*", false));
            }
            case AUTHENTICATED_READ ->
                    statements.add(statement("BucketAclAuthenticatedRead", BUCKET_READ, arn, true));
            default -> {
                return null;
            }
        }
        return compile(policy, arn + " (bucket ACL " + acl.headerValue() + ")");
    }

    /** An object ACL's grants for the objects of {@code bucket}, or {@code null} for {@code private}. */
    static CompiledPolicy forObject(String bucket, CannedAcl acl) {
        String objects = "arn:aws:s3:::" + bucket + "/*";
        ObjectNode policy = policy();
        switch (acl) {
            case PUBLIC_READ, PUBLIC_READ_WRITE ->
                    policy.withArray("Statement").add(statement("ObjectAclPublicRead", OBJECT_READ, objects, false));
            case AUTHENTICATED_READ -> policy.withArray("Statement")
                    .add(statement("ObjectAclAuthenticatedRead", OBJECT_READ, objects, true));
            default -> {
                return null;
            }
        }
        return compile(policy, "arn:aws:s3:::" + bucket + " (object ACL " + acl.headerValue() + ")");
    }

    /** Denies everything on the bucket and its objects: what a damaged stored bucket policy is replaced with. */
    static CompiledPolicy denyAll(String bucket) {
        String arn = "arn:aws:s3:::" + bucket;
        ObjectNode policy = policy();
        ObjectNode statement = policy.withArray("Statement").addObject();
        statement.put("Sid", "DamagedBucketPolicy");
        statement.put("Effect", "Deny");
        statement.put("Principal", "*");
        statement.put("Action", "*");
        statement.putArray("Resource").add(arn).add(arn + "/*");
        return compile(policy, arn + " (damaged bucket policy)");
    }

    private static ObjectNode policy() {
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        return policy;
    }

    private static ObjectNode statement(String sid, List<String> actions, String resource, boolean authenticated) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        statement.put("Principal", "*");
        ArrayNode actionArray = statement.putArray("Action");
        actions.forEach(actionArray::add);
        statement.put("Resource", resource);
        if (authenticated) {
            statement.putObject("Condition").putObject("Null").put("aws:PrincipalArn", "false");
        }
        return statement;
    }

    private static CompiledPolicy compile(ObjectNode policy, String name) {
        try {
            return CompiledPolicy.parse(policy.toString(), PolicyKind.RESOURCE, name, PolicyType.RESOURCE);
        } catch (MalformedPolicyException e) {
            throw new IllegalStateException("a generated ACL policy is malformed: " + e.getMessage(), e);
        }
    }
}
