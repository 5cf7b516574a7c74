package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.iam.AccessKey;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.Constraint;
import dev.warden.core.iam.Directory;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import dev.warden.core.iam.UniqueIds;
import dev.warden.core.iam.User;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. A user has at most two
 * keys; the secret (40 characters) is in CreateAccessKey's answer and nowhere else: it is stored sealed.
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

    private static User withKeys(User u, List<AccessKey> keys) {
        return u.withAccessKeys(keys);
    }

    private static ObjectNode create(Call call) throws IamException, IOException {
        String name = UserOperations.userName(call);
        call.authorize("iam:CreateAccessKey", UserOperations.arn(call, name));
        var sealer = call.service().sealer();
        return call.write(d -> {
            User user = UserOperations.find(call, d, name);
            if (user.accessKeys().size() >= call.quotas().accessKeysPerUser()) {
                throw IamException.limitExceeded("AccessKeysPerUser", call.quotas().accessKeysPerUser());
            }
            String id;
            do {
                id = UniqueIds.next(UniqueIds.ACCESS_KEY);
            } while (d.accessKeyOwner(id) != null);
            String secret = dev.warden.core.auth.SigningCredential.newSecretAccessKey();
            AccessKey key = new AccessKey(id, true, call.now(), sealer.seal(secret, id), null);
            List<AccessKey> keys = new ArrayList<>(user.accessKeys());
            keys.add(key);
            ObjectNode out = Shapes.object();
            out.putObject("AccessKey").put("UserName", user.name()).put("AccessKeyId", id).put("Status", "Active")
                    .put("SecretAccessKey", secret).put("CreateDate", key.createDate().toString());
            return new LiveDirectory.Result<>(out, new Changes().put(call.accountId(), withKeys(user, keys)));
        });
    }

    private static ObjectNode list(Call call) throws IamException {
        String name = UserOperations.userName(call);
        call.authorize("iam:ListAccessKeys", UserOperations.arn(call, name));
        User user = UserOperations.find(call, call.directory(), name);
        return Pages.page(call, Shapes.object(), "AccessKeyMetadata", user.accessKeys(),
                k -> Shapes.accessKey(user.name(), k));
    }

    private static AccessKey key(User user, String id) throws IamException {
        for (AccessKey key : user.accessKeys()) {
            if (key.id().equals(id)) {
                return key;
            }
        }
        throw new IamException(IamError.NO_SUCH_ENTITY, "The Access Key with id " + id + " cannot be found");
    }

    private static ObjectNode update(Call call) throws IamException, IOException {
        String name = UserOperations.userName(call);
        String id = call.params().required("AccessKeyId", Constraint.ACCESS_KEY_ID);
        String status = call.params().required("Status");
        if (!status.equals("Active") && !status.equals("Inactive")) {
            throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value '" + status
                    + "' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
        }
        call.authorize("iam:UpdateAccessKey", UserOperations.arn(call, name));
        return call.write(d -> {
            User user = UserOperations.find(call, d, name);
            AccessKey old = key(user, id);
            List<AccessKey> keys = new ArrayList<>(user.accessKeys());
            keys.set(keys.indexOf(old), new AccessKey(old.id(), status.equals("Active"), old.createDate(),
                    old.sealedSecret(), old.lastUsed()));
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(), withKeys(user, keys)));
        });
    }

    private static ObjectNode delete(Call call) throws IamException, IOException {
        String name = UserOperations.userName(call);
        String id = call.params().required("AccessKeyId", Constraint.ACCESS_KEY_ID);
        call.authorize("iam:DeleteAccessKey", UserOperations.arn(call, name));
        return call.write(d -> {
            User user = UserOperations.find(call, d, name);
            List<AccessKey> keys = new ArrayList<>(user.accessKeys());
            keys.remove(key(user, id));
            return new LiveDirectory.Result<>(Shapes.object(), new Changes().put(call.accountId(), withKeys(user, keys)));
        });
    }

    private static ObjectNode lastUsed(Call call) throws IamException {
        String id = call.params().required("AccessKeyId", Constraint.ACCESS_KEY_ID);
        Directory d = call.directory();
        Directory.KeyOwner owner = d.accessKeyOwner(id);
        boolean ours = owner != null && owner.accountId().equals(call.accountId());
        // Authorize before saying whether the key exists: a caller without permission learns nothing about it.
        call.authorize("iam:GetAccessKeyLastUsed", ours ? UserOperations.arn(call, owner.userName()) : call.arn("user", "/", "*"));
        if (!ours) {
            throw new IamException(IamError.NO_SUCH_ENTITY, "The Access Key with id " + id + " cannot be found");
        }
        AccessKey key = key(UserOperations.find(call, d, owner.userName()), id);
        ObjectNode out = Shapes.object();
        out.put("UserName", owner.userName());
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
