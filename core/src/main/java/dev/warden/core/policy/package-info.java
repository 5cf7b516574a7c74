/**
 * The AWS policy language: {@link dev.warden.core.policy.PolicyParser} reads and validates documents as IAM does
 * (errors carry a JSON pointer), {@link dev.warden.core.policy.CompiledPolicy} turns them into matchers once, and
 * {@link dev.warden.core.policy.StatementIndex} indexes the statements of many policies by service and action so
 * that a request looks only at statements that can apply. Matching follows AWS: actions case-insensitively with
 * {@code *} and {@code ?}; ARNs part by part, the resource part case-sensitively; principals exactly, a role's ARN
 * also naming its sessions; policy variables resolved per request.
 */
package dev.warden.core.policy;
