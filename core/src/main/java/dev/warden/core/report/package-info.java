/**
 * Reports over the directory. The credential report ({@link dev.warden.core.report.CredentialReport}): AWS's CSV of
 * every user's password, MFA and access key status, served by IAM's GenerateCredentialReport and GetCredentialReport
 * and by {@code warden credential-report}, with {@link dev.warden.core.report.CredentialFindings}, the hygiene
 * warnings an auditor looks for in it.
 */
package dev.warden.core.report;
