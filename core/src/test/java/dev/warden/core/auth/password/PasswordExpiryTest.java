package dev.warden.core.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * MaxPasswordAge: a password expires that many days after it was set, from that instant on; under HardExpiry only an
 * administrator can then set a new one.
 */
class PasswordExpiryTest {

    private static final Instant SET = Instant.parse("2026-01-01T09:30:00Z");
    private static final PasswordPolicy NINETY_DAYS = PasswordPolicy.builder().maxPasswordAge(90).build();
    private static final PasswordPolicy NINETY_DAYS_HARD = PasswordPolicy.builder().maxPasswordAge(90).hardExpiry(true)
            .build();

    private static PasswordExpiry at(String instant) {
        return new PasswordExpiry(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void aPasswordExpiresMaxPasswordAgeDaysAfterItWasSet() {
        assertThat(at("2026-01-01T09:30:00Z").expiresAt(NINETY_DAYS, SET)).contains(Instant.parse("2026-04-01T09:30:00Z"));
    }

    @Test
    void itIsCurrentUntilTheInstantItExpires() {
        assertThat(at("2026-04-01T09:29:59.999Z").status(NINETY_DAYS, SET)).isEqualTo(PasswordStatus.CURRENT);
        assertThat(at("2026-04-01T09:30:00Z").status(NINETY_DAYS, SET)).isEqualTo(PasswordStatus.EXPIRED);
        assertThat(at("2027-01-01T00:00:00Z").status(NINETY_DAYS, SET)).isEqualTo(PasswordStatus.EXPIRED);
    }

    @Test
    void anExpiredPasswordMayBeChangedByItsUserUnlessExpiryIsHard() {
        PasswordStatus soft = at("2026-05-01T00:00:00Z").status(NINETY_DAYS, SET);
        PasswordStatus hard = at("2026-05-01T00:00:00Z").status(NINETY_DAYS_HARD, SET);

        assertThat(soft.expired()).isTrue();
        assertThat(soft.userMayChangePassword()).isTrue();
        assertThat(hard).isEqualTo(PasswordStatus.EXPIRED_ADMIN_RESET_REQUIRED);
        assertThat(hard.expired()).isTrue();
        assertThat(hard.userMayChangePassword()).isFalse();
    }

    @Test
    void hardExpiryDoesNothingBeforeExpiry() {
        PasswordStatus status = at("2026-02-01T00:00:00Z").status(NINETY_DAYS_HARD, SET);

        assertThat(status).isEqualTo(PasswordStatus.CURRENT);
        assertThat(status.expired()).isFalse();
        assertThat(status.userMayChangePassword()).isTrue();
    }

    @Test
    void withoutMaxPasswordAgeOrWithoutAPolicyPasswordsNeverExpire() {
        PasswordExpiry muchLater = at("2099-01-01T00:00:00Z");

        assertThat(muchLater.expiresAt(PasswordPolicy.builder().hardExpiry(true).build(), SET)).isEmpty();
        assertThat(muchLater.status(PasswordPolicy.builder().hardExpiry(true).build(), SET))
                .isEqualTo(PasswordStatus.CURRENT);
        assertThat(muchLater.expiresAt(null, SET)).isEmpty();
        assertThat(muchLater.status(null, SET)).isEqualTo(PasswordStatus.CURRENT);
    }

    @Test
    void aShorterNewMaximumAgeAppliesToExistingPasswordsAtOnce() {
        PasswordExpiry now = at("2026-01-31T10:00:00Z");

        assertThat(now.status(NINETY_DAYS, SET)).isEqualTo(PasswordStatus.CURRENT);
        assertThat(now.status(PasswordPolicy.builder().maxPasswordAge(30).build(), SET))
                .isEqualTo(PasswordStatus.EXPIRED);
    }
}
