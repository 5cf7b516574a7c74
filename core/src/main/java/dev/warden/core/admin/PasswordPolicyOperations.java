package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.auth.password.PasswordPolicy;
import dev.warden.core.iam.Account;
import dev.warden.core.iam.Changes;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.iam.LiveDirectory;
import java.io.IOException;

/**
 * The account password policy: UpdateAccountPasswordPolicy (every parameter not given takes AWS's default, as in
 * AWS, where the call replaces the whole policy), GetAccountPasswordPolicy, DeleteAccountPasswordPolicy.
 */
final class PasswordPolicyOperations {

    private PasswordPolicyOperations() {
    }

    static void register(IamService s) {
        s.register("UpdateAccountPasswordPolicy", PasswordPolicyOperations::update);
        s.register("GetAccountPasswordPolicy", PasswordPolicyOperations::get);
        s.register("DeleteAccountPasswordPolicy", PasswordPolicyOperations::delete);
    }

    private static ObjectNode update(Call call) throws IamException, IOException {
        Params p = call.params();
        PasswordPolicy policy;
        try {
            policy = new PasswordPolicy(
                    p.integer("MinimumPasswordLength", Integer.MIN_VALUE, Integer.MAX_VALUE,
                            PasswordPolicy.DEFAULT_MINIMUM_LENGTH),
                    p.bool("RequireSymbols", false), p.bool("RequireNumbers", false),
                    p.bool("RequireUppercaseCharacters", false), p.bool("RequireLowercaseCharacters", false),
                    p.bool("AllowUsersToChangePassword", false),
                    p.integer("MaxPasswordAge", Integer.MIN_VALUE, Integer.MAX_VALUE, 0),
                    p.integer("PasswordReusePrevention", Integer.MIN_VALUE, Integer.MAX_VALUE, 0),
                    p.bool("HardExpiry", false));
        } catch (IllegalArgumentException e) {
            throw new IamException(IamError.VALIDATION_ERROR, e.getMessage());
        }
        if (p.optional("MaxPasswordAge") != null && policy.maxPasswordAge() == 0
                || p.optional("PasswordReusePrevention") != null && policy.passwordReusePrevention() == 0) {
            throw new IamException(IamError.VALIDATION_ERROR, "1 validation error detected: Value '0' at '"
                    + (policy.maxPasswordAge() == 0 && p.optional("MaxPasswordAge") != null ? "maxPasswordAge"
                    : "passwordReusePrevention") + "' failed to satisfy constraint: Member must have value greater "
                    + "than or equal to 1");
        }
        call.authorize("iam:UpdateAccountPasswordPolicy", "*");
        PasswordPolicy chosen = policy;
        return call.write(d -> {
            Account account = call.account(d);
            return new LiveDirectory.Result<>(Shapes.object(),
                    new Changes().put(account.withSettings(account.settings().withPasswordPolicy(chosen))));
        });
    }

    private static ObjectNode get(Call call) throws IamException {
        call.authorize("iam:GetAccountPasswordPolicy", "*");
        PasswordPolicy policy = call.account(call.directory()).settings().passwordPolicy();
        if (policy == null) {
            throw IamException.noSuchEntity("The Password Policy with domain name " + call.accountId()
                    + " cannot be found.");
        }
        ObjectNode out = Shapes.object();
        ObjectNode n = out.putObject("PasswordPolicy");
        n.put("MinimumPasswordLength", policy.minimumPasswordLength());
        n.put("RequireSymbols", policy.requireSymbols());
        n.put("RequireNumbers", policy.requireNumbers());
        n.put("RequireUppercaseCharacters", policy.requireUppercaseCharacters());
        n.put("RequireLowercaseCharacters", policy.requireLowercaseCharacters());
        n.put("AllowUsersToChangePassword", policy.allowUsersToChangePassword());
        n.put("ExpirePasswords", policy.expirePasswords());
        if (policy.maxPasswordAge() > 0) {
            n.put("MaxPasswordAge", policy.maxPasswordAge());
        }
        if (policy.passwordReusePrevention() > 0) {
            n.put("PasswordReusePrevention", policy.passwordReusePrevention());
        }
        n.put("HardExpiry", policy.hardExpiry());
        return out;
    }

    private static ObjectNode delete(Call call) throws IamException, IOException {
        call.authorize("iam:DeleteAccountPasswordPolicy", "*");
        return call.write(d -> {
            Account account = call.account(d);
            if (account.settings().passwordPolicy() == null) {
                throw IamException.noSuchEntity("The account policy with name PasswordPolicy cannot be found.");
            }
            return new LiveDirectory.Result<>(Shapes.object(),
                    new Changes().put(account.withSettings(account.settings().withPasswordPolicy(null))));
        });
    }
}
