package dev.warden.core.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warden.core.Warden;
import dev.warden.core.auth.Caller;
import dev.warden.core.auth.SecretSealer;
import dev.warden.core.auth.mfa.TotpVerifier;
import dev.warden.core.auth.password.PasswordHasher;
import dev.warden.core.auth.password.PasswordValidator;
import dev.warden.core.iam.IamError;
import dev.warden.core.iam.IamException;
import dev.warden.core.report.CredentialReports;
import dev.warden.spi.Principal;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * IAM's administrative API over a Warden directory: one operation model for every caller (the CLI now, the IAM
 * Query endpoint for the AWS CLI and SDKs next). An operation is named by its IAM action ({@code CreateUser}) and
 * takes AWS's Query parameters ({@code UserName=alice}); it answers in AWS's response shape or fails with AWS's
 * error code and message. Every call is itself authorized: the caller must be allowed {@code iam:ACTION} on the
 * entity's ARN, as in AWS; nothing changes when a call fails. Thread-safe.
 */
public final class IamService {

    private final Warden warden;
    private final SecretSealer sealer;
    private final Quotas quotas;
    private final Map<String, Operation> operations = new TreeMap<>();
    private final PasswordHasher passwords = new PasswordHasher();
    private final PasswordValidator passwordValidator = new PasswordValidator(passwords);
    private final TotpVerifier totp;
    private final CredentialReports credentialReports = new CredentialReports();

    /**
     * @param sealer seals secret access keys; {@code null} when no master key is configured (access key creation then
     *     fails with {@code ServiceFailure})
     */
    public IamService(Warden warden, SecretSealer sealer, Quotas quotas) {
        this.warden = Objects.requireNonNull(warden, "warden");
        this.sealer = sealer;
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.totp = new TotpVerifier(warden.clock());
        UserOperations.register(this);
        GroupOperations.register(this);
        RoleOperations.register(this);
        InlinePolicyOperations.register(this);
        ManagedPolicyOperations.register(this);
        AttachmentOperations.register(this);
        AccessKeyOperations.register(this);
        AccountOperations.register(this);
        SimulationOperations.register(this);
        LoginProfileOperations.register(this);
        PasswordPolicyOperations.register(this);
        MfaDeviceOperations.register(this);
        OidcProviderOperations.register(this);
        CredentialReportOperations.register(this);
    }

    /**
     * Creates account (tenant) {@code accountId}, as the application vendor does: not an IAM operation, so not
     * authorized by IAM policies.
     *
     * @throws IamException {@code EntityAlreadyExists}, or {@code ValidationError} for an id that is not 12 digits
     */
    public void createAccount(String accountId, String alias) throws IamException, IOException {
        if (accountId == null || !accountId.matches("[0-9]{12}")) {
            throw new IamException(IamError.VALIDATION_ERROR, "an account id is 12 digits, got '" + accountId + "'");
        }
        if (alias != null) {
            dev.warden.core.iam.Constraint.ACCOUNT_ALIAS.check(alias);
        }
        warden.directory().update(d -> {
            if (d.account(accountId) != null) {
                throw new IamException(IamError.ENTITY_ALREADY_EXISTS, "The account " + accountId + " already exists.");
            }
            for (var other : d.accounts().values()) {
                if (alias != null && alias.equals(other.alias())) {
                    throw new IamException(IamError.ENTITY_ALREADY_EXISTS, "The account alias " + alias + " already exists.");
                }
            }
            var account = dev.warden.core.iam.Account.create(accountId, alias,
                    warden.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            return new dev.warden.core.iam.LiveDirectory.Result<>(null, new dev.warden.core.iam.Changes().put(account));
        });
    }

    void register(String action, Operation operation) {
        if (operations.put(action, operation) != null) {
            throw new IllegalStateException("operation registered twice: " + action);
        }
    }

    /** The operations this service answers, by IAM action name. */
    public Set<String> actions() {
        return operations.keySet();
    }

    /**
     * Runs IAM operation {@code action} for {@code caller} in account {@code accountId}.
     *
     * @param params AWS's Query parameters, e.g. {@code UserName}, {@code Tags.member.1.Key}
     * @return the response, shaped as AWS's ({@code {"User": {...}}}); policy documents as their verbatim text
     * @throws IamException AWS's error: {@code AccessDenied}, {@code NoSuchEntity}, {@code EntityAlreadyExists},
     *     {@code LimitExceeded}, {@code MalformedPolicyDocument}, {@code DeleteConflict}, {@code ValidationError}, ...
     */
    public ObjectNode call(Principal caller, String accountId, String action, Map<String, String> params)
            throws IamException, IOException {
        return call(Caller.of(caller), accountId, action, params);
    }

    /**
     * Runs IAM operation {@code action} for an authenticated {@code caller}, whose credentials' condition keys
     * ({@code aws:MultiFactorAuthPresent}, {@code aws:PrincipalTag/*}, ...) and session policy apply to the
     * authorization of the call.
     */
    public ObjectNode call(Caller caller, String accountId, String action, Map<String, String> params)
            throws IamException, IOException {
        if (caller.via() == Caller.Via.SESSION_TOKEN && caller.mfaAuthenticated() == null) {
            // AWS: credentials from GetSessionToken reach IAM only when MFA was part of getting them
            throw new IamException(IamError.ACCESS_DENIED, "User: " + caller.principal().arn()
                    + " is not authorized to perform: iam:" + action
                    + " with credentials from GetSessionToken that were issued without MFA");
        }
        if (caller.via() == Caller.Via.FEDERATED_USER) {
            // AWS: GetFederationToken credentials "cannot call any IAM operations using the CLI or the AWS API"
            throw new IamException(IamError.ACCESS_DENIED, "User: " + caller.principal().arn()
                    + " is not authorized to perform: iam:" + action + " with credentials from GetFederationToken");
        }
        Operation operation = operations.get(action);
        if (operation == null) {
            throw new IamException(IamError.INVALID_ACTION, "Could not find operation " + action + " for version 2010-05-08");
        }
        return operation.run(new Call(this, caller, accountId, new Params(params)));
    }

    Warden warden() {
        return warden;
    }

    /** Hashes and verifies console passwords. */
    PasswordHasher passwords() {
        return passwords;
    }

    TotpVerifier totp() {
        return totp;
    }

    /**
     * Accepts MFA code {@code code} from device {@code serialNumber} of IAM user {@code user}, once (its time step
     * is recorded, so the same code is refused afterwards): what STS and sign-in check MFA with.
     *
     * @throws IamException {@code AccessDenied} for a wrong, reused or foreign code
     */
    public void verifyMfa(Principal user, String serialNumber, String code) throws IamException {
        if (user.kind() != Principal.Kind.USER) {
            throw new IamException(IamError.ACCESS_DENIED, "MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }
        try {
            MfaDeviceOperations.verifyCode(this, user.accountId(), user.name(), serialNumber, code);
        } catch (IOException e) {
            throw new IamException(IamError.SERVICE_FAILURE, "the MFA device could not be updated: " + e.getMessage());
        }
    }

    /** The accounts' latest credential reports (in memory, per Warden). */
    CredentialReports credentialReports() {
        return credentialReports;
    }

    PasswordValidator passwordValidator() {
        return passwordValidator;
    }

    Quotas quotas() {
        return quotas;
    }

    SecretSealer sealer() throws IamException {
        if (sealer == null) {
            throw new IamException(IamError.SERVICE_FAILURE, "no master key is configured, so secrets cannot be stored");
        }
        return sealer;
    }
}
