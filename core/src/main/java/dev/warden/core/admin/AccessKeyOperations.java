package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.AccessKey;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.UniqueIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. A user has at most two
 * keys; the secret (40 characters) is in CreateAccessKey's answer and nowhere else: it is stored sealed. Without
 * {@code UserName}, the keys are the caller's own: an IAM user's, or the root user's (at most two; AWS recommends
 * none), see {@link CredentialOwner}.
 */
final class AccessKeyOperations {

    private AccessKeyOperations() {
    }

    static void register(IamService s) {
        s.register("CreateAccessKey", AccessKeyOperations::create);
        s.register("ListAccessKeys", AccessKeyOperations::list);
        s.register("UpdateAccessKey", AccessKeyOperations::update);
        s.register("DeleteAccessKey", AccessKeyOperations::delete);
        s.register("GetAccessKeyLastUsed", AccessKeyOperations::lastUsed);
    }

    private static ObjectNode create(Call call) throws IamException, IOException {
        CredentialOwner owner = CredentialOwner.of(call);
        call.authorize("iam:CreateAccessKey", owner.arn(call));
        var sealer = call.service().sealer();
        return call.write(d -> {
            List<AccessKey> keys = new ArrayList<>(owner.accessKeys(call, d));
            if (keys.size() >= owner.accessKeyQuota(call)) {
                throw IamException.limitExceeded("AccessKeysPerUser", owner.accessKeyQuota(call));
            }
            String id;
            do {
                id = UniqueIds.next(UniqueIds.ACCESS_KEY);
            } while (d.accessKeyOwner(id) != null);
            String secret = dev.warden.core.auth.SigningCredential.newSecretAccessKey();
            AccessKey key = new AccessKey(id, true, call.now(), sealer.seal(secret, id), null);
            keys.add(key);
            ObjectNode out = Shapes.object();
            ObjectNode shape = Shapes.accessKey(owner.name(call, d), key);
            shape.remove("CreateDate"); // AWS's order: the secret before the date
            shape.put("SecretAccessKey", secret).put("CreateDate", key.createDate().toString());
            out.set("AccessKey", shape);
            return new LiveDirectory.Result<>(out, owner.withAccessKeys(call, d, keys));
        });
    }

    private static ObjectNode list(Call call) throws IamException {
        CredentialOwner owner = CredentialOwner.of(call);
        call.authorize("iam:ListAccessKeys", owner.arn(call));
        Directory d = call.directory();
        String name = owner.name(call, d);
        return Pages.page(call, Shapes.object(), "AccessKeyMetadata", owner.accessKeys(call, d),
                k -> Shapes.accessKey(name, k));
    }

    private static AccessKey key(List<AccessKey> keys, String id) throws IamException {
        for (AccessKey key : keys) {
            if (key.id().equals(id)) {
                return key;
            }
        }
        throw new IamException(IamError.NO_SUCH_ENTITY, "The Access Key with id " + id + " cannot be found");
    }

    private static ObjectNode update(Call call) throws IamException, IOException {
        CredentialOwner owner = CredentialOwner.of(call);
        String id = call.params().required("AccessKeyId", Constraint.ACCESS_KEY_ID);
        String status = call.params().required("Status");
        if (!status.equals("Active") && !status.equals("Inactive")) {
            throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value '" + status
                    + "' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
        }
        call.authorize("iam:UpdateAccessKey", owner.arn(call));
        return call.write(d -> {
            List<AccessKey> keys = new ArrayList<>(owner.accessKeys(call, d));
            AccessKey old = key(keys, id);
            keys.set(keys.indexOf(old), new AccessKey(old.id(), status.equals("Active"), old.createDate(),
                    old.sealedSecret(), old.lastUsed()));
            return new LiveDirectory.Result<>(Shapes.object(), owner.withAccessKeys(call, d, keys));
        });
    }

    private static ObjectNode delete(Call call) throws IamException, IOException {
        CredentialOwner owner = CredentialOwner.of(call);
        String id = call.params().required("AccessKeyId", Constraint.ACCESS_KEY_ID);
        call.authorize("iam:DeleteAccessKey", owner.arn(call));
        return call.write(d -> {
            List<AccessKey> keys = new ArrayList<>(owner.accessKeys(call, d));
            keys.remove(key(keys, id));
            return new LiveDirectory.Result<>(Shapes.object(), owner.withAccessKeys(call, d, keys));
        });
    }

    private static ObjectNode lastUsed(Call call) throws IamException {
        String id = call.params().required("AccessKeyId", Constraint.ACCESS_KEY_ID);
        Directory d = call.directory();
        Directory.KeyOwner keyOwner = d.accessKeyOwner(id);
        boolean ours = keyOwner != null && keyOwner.accountId().equals(call.accountId());
        CredentialOwner owner = ours ? new CredentialOwner(keyOwner.userName()) : null;
        // Authorize before saying whether the key exists: a caller without permission learns nothing about it.
        call.authorize("iam:GetAccessKeyLastUsed", ours ? owner.arn(call) : call.arn("user", "/", "*"));
        if (!ours) {
            throw new IamException(IamError.NO_SUCH_ENTITY, "The Access Key with id " + id + " cannot be found");
        }
        AccessKey key = key(owner.accessKeys(call, d), id);
        ObjectNode out = Shapes.object();
        if (!owner.root()) {
            out.put("UserName", keyOwner.userName()); // AWS names no user for the root user's key
        }
        ObjectNode used = out.putObject("AccessKeyLastUsed");
        if (key.lastUsed() == null) {
            used.put("ServiceName", "N/A").put("Region", "N/A");
        } else {
            used.put("LastUsedDate", key.lastUsed().date().toString())
                    .put("ServiceName", key.lastUsed().serviceName() == null ? "N/A" : key.lastUsed().serviceName())
                    .put("Region", key.lastUsed().region() == null ? "N/A" : key.lastUsed().region());
        }
        return out;
    }
}
