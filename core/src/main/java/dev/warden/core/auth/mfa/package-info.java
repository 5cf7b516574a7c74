/**
 * Virtual MFA devices as AWS runs them: RFC 4226 HOTP ({@link dev.warden.core.auth.mfa.Hotp}) and RFC 6238 TOTP
 * ({@link dev.warden.core.auth.mfa.Totp}, AWS's HMAC-SHA-1, 6 digits, 30 seconds, 40-byte seeds), RFC 4648 Base32
 * for {@code Base32StringSeed} ({@link dev.warden.core.auth.mfa.Base32}), the {@code otpauth://} URI and its QR code PNG
 * ({@link dev.warden.core.auth.mfa.OtpAuthUri}, {@link dev.warden.core.auth.mfa.QrCodePng}), and code checking with a
 * drift window, single use and two consecutive codes for enabling and resynchronizing
 * ({@link dev.warden.core.auth.mfa.TotpVerifier}).
 *
 * <p>Everything here is a pure function of values and a {@link java.time.Clock}: devices, their sealed seeds and their
 * last used time steps are stored by the directory, which calls these. Seeds are {@code byte[]} and never appear in a
 * message, a log line or a {@code toString}.
 */
package dev.warden.core.auth.mfa;
