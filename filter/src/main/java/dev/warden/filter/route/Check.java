package dev.warden.filter.route;

/**
 * One authorization a request needs: an IAM action on a resource ARN (or {@code *}).
 *
 * @param action {@code service:Action}
 * @param resource the resource ARN, or {@code *}
 */
public record Check(String action, String resource) {
}
