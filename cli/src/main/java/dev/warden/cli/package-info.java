/** The {@code warden} command line: {@code warden simulate} (one request or a batch). */
package dev.warden.cli;
