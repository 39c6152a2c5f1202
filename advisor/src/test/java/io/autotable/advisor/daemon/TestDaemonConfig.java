package io.autotable.advisor.daemon;

import io.autotable.advisor.AdvisorException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDaemonConfig
{
    @Test
    void defaultsAreReportOnlyAtAnyTimeWithTheDocumentedValues()
    {
        DaemonConfig config = DaemonConfig.defaults();

        assertThat(config.autoApply()).isFalse();
        assertThat(config.window()).isEmpty();
        assertThat(config.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(config.maxChangesPerDay()).isEqualTo(4);
        assertThat(config.minBenefitPercent()).isEqualTo(1.0);
        assertThat(config.consecutiveRuns()).isEqualTo(3);
        assertThat(config.lookback()).isEqualTo(Duration.ofDays(7));
        assertThat(config.cooldown()).isEqualTo(Duration.ofHours(24));
        assertThat(config.flapGuard()).isEqualTo(Duration.ofDays(7));
        assertThat(config.zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void withersChangeOneField()
    {
        DaemonConfig config = DaemonConfig.defaults()
                .withAutoApply(true)
                .withWindow(Optional.of(MaintenanceWindow.parse("01:00-05:00")))
                .withConsecutiveRuns(2);

        assertThat(config.autoApply()).isTrue();
        assertThat(config.window()).contains(MaintenanceWindow.parse("01:00-05:00"));
        assertThat(config.consecutiveRuns()).isEqualTo(2);
        assertThat(config.withConsecutiveRuns(3)).isEqualTo(DaemonConfig.defaults().withAutoApply(true).withWindow(config.window()));
    }

    @Test
    void errorsNameTheFieldAndTheBadValue()
    {
        DaemonConfig config = DaemonConfig.defaults();

        assertInvalid(() -> config.withInterval(Duration.ZERO), "daemon configuration: interval must be positive, got PT0S");
        assertInvalid(() -> config.withMaxChangesPerDay(0), "daemon configuration: maxChangesPerDay must be >= 1, got 0");
        assertInvalid(() -> config.withMinBenefitPercent(-1), "daemon configuration: minBenefitPercent must be in [0, 100), got -1.0");
        assertInvalid(() -> config.withMinBenefitPercent(100), "daemon configuration: minBenefitPercent must be in [0, 100), got 100.0");
        assertInvalid(() -> config.withConsecutiveRuns(0), "daemon configuration: consecutiveRuns must be >= 1, got 0");
        assertInvalid(() -> config.withLookback(Duration.ofHours(-1)), "daemon configuration: lookback must be positive, got PT-1H");
        assertInvalid(() -> config.withCooldown(Duration.ofHours(-1)), "daemon configuration: cooldown must be >= 0, got PT-1H");
        assertInvalid(() -> config.withFlapGuard(Duration.ofHours(-1)), "daemon configuration: flapGuard must be >= 0, got PT-1H");
    }

    private static void assertInvalid(Runnable build, String message)
    {
        assertThatThrownBy(build::run).isInstanceOf(AdvisorException.class).hasMessage(message);
    }
}
