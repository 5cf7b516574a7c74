/**
 * The IAM and STS Query-protocol endpoints that the unmodified AWS CLI and SDKs speak: form-encoded
 * {@code POST /} with {@code Action} and {@code Version}, SigV4-signed, answered in AWS's XML with a request id, or
 * with AWS's {@code ErrorResponse}.
 */
package dev.warden.filter.query;
