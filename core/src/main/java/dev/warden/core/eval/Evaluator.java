package dev.warden.core.eval;

import dev.warden.core.policy.PrincipalMatch;
import dev.warden.core.policy.RequestView;
import dev.warden.core.policy.StatementIndex;
import dev.warden.spi.AuthorizationRequest;
import dev.warden.spi.Decision;
import dev.warden.spi.Outcome;
import dev.warden.spi.PolicyType;
import dev.warden.spi.Principal;
import dev.warden.spi.StatementRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * AWS's policy evaluation logic, decision for decision, as the IAM User Guide documents it ("Policy evaluation
 * logic", "Cross-account policy evaluation logic"):
 * <ol>
 *   <li>An explicit deny in any applicable policy (SCP, RCP, resource-based, identity-based, permissions
 *       boundary, session, VPC endpoint) decides: explicitly denied.</li>
 *   <li>Every level of the organization's SCPs must allow (SCPs bound the account's principals, not service
 *       principals or anonymous callers).</li>
 *   <li>Within an account, an allow in an identity-based policy, or a resource-based policy that names the
 *       caller (its ARN, or the role or user behind its session), grants; a resource-based policy that names only
 *       the account delegates to identity-based policies. A role's trust policy and a KMS key policy must trust
 *       the account before identity-based policies count. Across accounts, both sides must allow.</li>
 *   <li>A permissions boundary must allow, unless (same account) a resource-based policy grants to the caller
 *       itself.</li>
 *   <li>A session policy must allow, unless (same account) a resource-based policy names the session's own ARN.
 *       A federated-user session (GetFederationToken) without a session policy has no permissions but those.</li>
 *   <li>Otherwise: implicitly denied.</li>
 * </ol>
 * The decision cites the statements that decided it and says why in AWS's words. Stateless and thread-safe.
 */
public final class Evaluator {

    private static final Set<String> MANAGED_POLICY_CHANGES = Set.of("iam:createpolicy", "iam:createpolicyversion",
            "iam:deletepolicy", "iam:deletepolicyversion", "iam:setdefaultpolicyversion", "iam:tagpolicy",
            "iam:untagpolicy");
    private static final Set<String> RESERVED_ROLE_CHANGES = Set.of("iam:attachrolepolicy", "iam:createrole",
            "iam:createservicelinkedrole", "iam:deleterole", "iam:deleterolepermissionsboundary",
            "iam:deleterolepolicy", "iam:deleteservicelinkedrole", "iam:detachrolepolicy", "iam:passrole",
            "iam:putrolepermissionsboundary", "iam:putrolepolicy", "iam:tagrole", "iam:untagrole",
            "iam:updateassumerolepolicy", "iam:updaterole", "iam:updateroledescription");
    private static final Set<String> MANAGED_ALIAS_CHANGES = Set.of("kms:createalias", "kms:deletealias",
            "kms:updatealias");

    private Evaluator() {
    }

    /** Decides {@code request} under the policies of {@code input}. */
    public static Decision decide(AuthorizationRequest request, EvaluationInput input) {
        return new Run(new RequestView(request), input, false).run();
    }

    /**
     * Decides {@code request} and keeps what each kind of policy said, for explanations. Where {@link #decide}
     * cites the first allowing statement of each kind of policy, this looks at (and cites) every one.
     */
    public static Evaluation evaluate(AuthorizationRequest request, EvaluationInput input) {
        Run run = new Run(new RequestView(request), input, true);
        Decision decision = run.run();
        return new Evaluation(decision, run.sameAccount, run.identity, run.resource, run.boundary, run.session,
                run.scp, run.rcp, run.endpoint);
    }

    /** One evaluation: the scans of each policy group, then the decision. */
    private static final class Run {
        private final RequestView view;
        private final AuthorizationRequest request;
        private final Principal caller;
        private final EvaluationInput in;
        private final boolean sameAccount;
        private final boolean complete;
        private List<Scan> scp;
        private List<Scan> rcp;
        private Scan resource;
        private Scan identity;
        private Scan boundary;
        private Scan session;
        private Scan endpoint;

        Run(RequestView view, EvaluationInput in, boolean complete) {
            this.view = view;
            this.complete = complete;
            this.request = view.request();
            this.caller = request.principal();
            this.in = in;
            // AWS managed policies (arn:aws:iam::aws:policy/...) carry "aws" where the account goes: they belong to
            // no other account, every account reads and attaches them on its own identity-based policies.
            String owner = request.resourceAccount();
            this.sameAccount = caller.accountId() != null && (caller.accountId().equals(owner) || "aws".equals(owner));
        }

        Decision run() {
            Principal.Kind kind = caller.kind();
            boolean anonymous = kind == Principal.Kind.ANONYMOUS;
            // a web identity (AssumeRoleWithWebIdentity's caller) is no IAM principal: like a service, only a
            // resource-based policy that names it grants, and SCPs do not bound it
            boolean service = kind == Principal.Kind.SERVICE || kind == Principal.Kind.WEB_IDENTITY;
            boolean root = kind == Principal.Kind.ROOT;
            boolean iamPrincipal = !anonymous && !service;
            if (iamPrincipal && serviceIs("sts") && request.action().equalsIgnoreCase("sts:GetCallerIdentity")) {
                return decision(Outcome.ALLOWED, List.of(), () -> "sts:GetCallerIdentity is allowed for every signed request");
            }
            boolean hasBoundary = in.permissionsBoundary() != null && iamPrincipal && !root;

            if (in.serviceControlLevels() != null && iamPrincipal) {
                scp = scanLevels(in.serviceControlLevels());
                Decision denied = firstDeny(scp, PolicyType.SERVICE_CONTROL);
                if (denied != null) {
                    return denied;
                }
            }
            if (in.resourceControlLevels() != null) {
                rcp = scanLevels(in.resourceControlLevels());
                Decision denied = firstDeny(rcp, PolicyType.RESOURCE_CONTROL);
                if (denied != null) {
                    return denied;
                }
            }
            if (in.resource() != null) {
                resource = Scan.ofResourcePolicy(in.resource(), view, hasBoundary);
                if (resource.denies()) {
                    return explicitDeny(resource, PolicyType.RESOURCE);
                }
            }
            if (iamPrincipal && !root) {
                identity = in.identity() == null ? new Scan() : Scan.of(in.identity(), view, complete);
                if (identity.denies()) {
                    return explicitDeny(identity, PolicyType.IDENTITY);
                }
                if (hasBoundary) {
                    boundary = Scan.of(in.permissionsBoundary(), view, complete);
                    if (boundary.denies()) {
                        return explicitDeny(boundary, PolicyType.PERMISSIONS_BOUNDARY);
                    }
                }
                if (in.session() != null) {
                    session = Scan.of(in.session(), view, complete);
                    if (session.denies()) {
                        return explicitDeny(session, PolicyType.SESSION);
                    }
                } else if (kind == Principal.Kind.FEDERATED_USER) {
                    // GetFederationToken without a session policy: "the resulting federated user session has no
                    // permissions", only what a resource-based policy grants to the session itself
                    session = new Scan();
                }
            }
            if (in.vpcEndpoint() != null) {
                // An endpoint policy is resource-based: its statements apply only to the principals they name.
                endpoint = Scan.ofResourcePolicy(in.vpcEndpoint(), view, hasBoundary);
                if (endpoint.denies()) {
                    return explicitDeny(endpoint, PolicyType.VPC_ENDPOINT);
                }
            }
            return iamPrincipal ? grantToIamPrincipal(root) : grantToOthers();
        }

        /** Anonymous callers and service principals: only a resource-based policy that names them grants. */
        private Decision grantToOthers() {
            List<StatementRef> grants = new ArrayList<>(2);
            if (resource != null) {
                resource.addAllowRefs(grants, PrincipalMatch.DIRECT);
            }
            if (grants.isEmpty()) {
                return implicitDeny(PolicyType.RESOURCE);
            }
            return finish(grants);
        }

        private Decision grantToIamPrincipal(boolean root) {
            if (scp != null) {
                for (Scan level : scp) {
                    if (!level.allows()) {
                        return implicitDeny(PolicyType.SERVICE_CONTROL);
                    }
                }
            }
            boolean identityAllows = root || identity.allows();
            List<StatementRef> grants = new ArrayList<>(4);
            if (sameAccount) {
                boolean trusted = !requiresExplicitTrust() || (resource != null && resource.allowsAs(PrincipalMatch.ACCOUNT));
                if (identityAllows && trusted && identity != null) {
                    identity.addAllowRefs(grants);
                }
                if (resource != null) {
                    resource.addAllowRefs(grants, PrincipalMatch.DIRECT, PrincipalMatch.SESSION_ROLE,
                            PrincipalMatch.SESSION_USER);
                }
                if (grants.isEmpty() && !(root && trusted)) {
                    return implicitDeny(identityAllows ? PolicyType.RESOURCE : PolicyType.IDENTITY);
                }
            } else {
                if (!identityAllows) {
                    return implicitDeny(PolicyType.IDENTITY);
                }
                if (resource == null || !resource.allows()) {
                    return implicitDeny(PolicyType.RESOURCE);
                }
                if (identity != null) {
                    identity.addAllowRefs(grants);
                }
                resource.addAllowRefs(grants);
            }
            if (boundary != null && !boundary.allows()) {
                List<StatementRef> bypass = sameAccount ? boundaryBypass() : List.of();
                if (bypass.isEmpty()) {
                    return implicitDeny(PolicyType.PERMISSIONS_BOUNDARY);
                }
                grants = bypass;
            }
            if (session != null && !session.allows()) {
                // A same-account grant to this very session is in addition to the session policy (AWS, "Session
                // policies"); such a statement names the caller DIRECT, so it survived the boundary above.
                List<StatementRef> toSession = new ArrayList<>(1);
                if (sameAccount && resource != null) {
                    for (int i = 0; i < resource.allowCount(); i++) {
                        if (resource.allow(i).namesPrincipalExactly(caller.arn())) {
                            toSession.add(resource.allow(i).ref());
                        }
                    }
                }
                if (toSession.isEmpty()) {
                    return implicitDeny(PolicyType.SESSION);
                }
                grants = toSession;
            }
            return finish(grants);
        }

        /**
         * Same-account resource-based grants that an implicit deny in a boundary does not cap: those naming the
         * user or session itself (a role's ARN names its sessions only through the boundary).
         */
        private List<StatementRef> boundaryBypass() {
            List<StatementRef> out = new ArrayList<>(1);
            if (resource == null) {
                return out;
            }
            for (int i = 0; i < resource.allowCount(); i++) {
                if (resource.allowMatch(i) != PrincipalMatch.DIRECT) {
                    continue;
                }
                switch (caller.kind()) {
                    case USER, ASSUMED_ROLE, FEDERATED_USER -> out.add(resource.allow(i).ref());
                    case ROLE -> {
                        if (resource.allow(i).namesEveryone()) {
                            out.add(resource.allow(i).ref());
                        }
                    }
                    default -> {
                    }
                }
            }
            return out;
        }

        /** STS on a role with a trust policy, and KMS on a key, count identity-based policies only if trusted. */
        private boolean requiresExplicitTrust() {
            if (serviceIs("sts")) {
                return in.resource() != null;
            }
            if (serviceIs("kms")) {
                String r = request.resource();
                int colons = 0;
                int i = 0;
                while (colons < 5 && (i = r.indexOf(':', i) + 1) > 0) {
                    colons++;
                }
                return colons == 5 && r.startsWith("key/", i);
            }
            return false;
        }

        /** Rules AWS applies to particular services after the policies allowed (STS: root cannot assume roles). */
        private Decision finish(List<StatementRef> grants) {
            if (endpoint != null && !endpoint.allows()) {
                return implicitDeny(PolicyType.VPC_ENDPOINT);
            }
            String action = request.action();
            if (caller.kind() == Principal.Kind.ROOT && action.regionMatches(true, 0, "sts:AssumeRole", 0, 14)) {
                return decision(Outcome.IMPLICITLY_DENIED, List.of(),
                        () -> Messages.because(request, "roles may not be assumed by root accounts"));
            }
            if (serviceIs("iam") || serviceIs("kms")) {
                String why = serviceRuleDenial(action.toLowerCase(Locale.ROOT), request.resource().split(":", 6));
                if (why != null) {
                    return decision(Outcome.IMPLICITLY_DENIED, List.of(), () -> Messages.because(request, why));
                }
            }
            List<StatementRef> refs = List.copyOf(grants);
            return decision(Outcome.ALLOWED, refs, () -> Messages.allowed(request, refs));
        }

        /** Whether the action's service prefix is the three-letter {@code prefix} (any case). */
        private boolean serviceIs(String prefix) {
            String action = request.action();
            return action.length() > 4 && action.charAt(3) == ':' && action.regionMatches(true, 0, prefix, 0, 3);
        }

        /** Why IAM or KMS refuses a change to something AWS manages, or {@code null}. */
        private static String serviceRuleDenial(String action, String[] arn) {
            if (arn.length != 6) {
                return null;
            }
            String resource = arn[5].toLowerCase(Locale.ROOT);
            if (MANAGED_POLICY_CHANGES.contains(action) && "aws".equals(arn[4]) && resource.startsWith("policy/")) {
                return "AWS managed policies cannot be changed";
            }
            if (RESERVED_ROLE_CHANGES.contains(action) && resource.startsWith("role/aws-reserved/")) {
                return "roles under /aws-reserved/ are managed by the service";
            }
            if (MANAGED_ALIAS_CHANGES.contains(action) && resource.startsWith("alias/aws/")) {
                return "aliases under alias/aws/ are managed by the service";
            }
            return null;
        }

        private List<Scan> scanLevels(List<StatementIndex> levels) {
            List<Scan> scans = new ArrayList<>(levels.size());
            for (StatementIndex level : levels) {
                scans.add(Scan.of(level, view, complete));
            }
            return scans;
        }

        private Decision firstDeny(List<Scan> levels, PolicyType type) {
            for (Scan level : levels) {
                if (level.denies()) {
                    return explicitDeny(level, type);
                }
            }
            return null;
        }

        private Decision explicitDeny(Scan scan, PolicyType type) {
            return decision(Outcome.EXPLICITLY_DENIED, List.of(scan.denyRefs()), () -> Messages.explicitDeny(request, type));
        }

        private Decision implicitDeny(PolicyType type) {
            return decision(Outcome.IMPLICITLY_DENIED, List.of(), () -> Messages.noAllow(request, type));
        }

        private static Decision decision(Outcome outcome, List<StatementRef> refs, Supplier<String> reason) {
            return Decision.withLazyReason(outcome, refs, reason);
        }
    }
}
