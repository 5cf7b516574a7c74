/** The {@code /healthz} endpoint: a Warden's health as JSON, for load balancers and operators. */
package dev.warden.filter.health;
