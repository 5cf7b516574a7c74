package dev.warden.core.policy;

import java.util.List;

/**
 * A validated {@code Principal} or {@code NotPrincipal} element: {@code "*"}, or principals by type.
 *
 * @param wildcard whether the element is the bare string {@code "*"}
 * @param aws the {@code AWS} entries: {@code *}, account ids, account root ARNs, IAM and STS ARNs, unique ids
 * @param service the {@code Service} entries
 * @param federated the {@code Federated} entries
 * @param canonicalUser the {@code CanonicalUser} entries
 */
public record PrincipalElement(boolean wildcard, List<String> aws, List<String> service, List<String> federated,
                               List<String> canonicalUser) {

    public PrincipalElement {
        aws = List.copyOf(aws);
        service = List.copyOf(service);
        federated = List.copyOf(federated);
        canonicalUser = List.copyOf(canonicalUser);
    }

    static boolean isAccountId(String s) {
        if (s.length() != 12) {
            return false;
        }
        for (int i = 0; i < 12; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isAccountRoot(String s) {
        String[] parts = s.split(":", -1);
        return parts.length == 6 && parts[0].equals("arn") && !parts[1].isEmpty() && parts[2].equals("iam")
                && parts[3].isEmpty() && isAccountId(parts[4]) && parts[5].equals("root");
    }

    /** Whether the element is {@code "*"} or lists {@code AWS: "*"}. */
    public boolean isEveryone() {
        return wildcard || aws.stream().anyMatch(ActionPattern::isAllStars);
    }
}
