/**
 * Credentials for workloads without static keys: an endpoint the AWS SDKs' container credentials provider reads
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}), handing each
 * configured workload fresh temporary credentials of its role.
 */
package dev.warden.filter.workload;
