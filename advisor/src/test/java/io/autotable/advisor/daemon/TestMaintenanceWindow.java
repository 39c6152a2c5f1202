package io.autotable.advisor.daemon;

import io.autotable.advisor.AdvisorException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestMaintenanceWindow
{
    @Test
    void parsesHoursAndMinutesAndPrintsThemBack()
    {
        MaintenanceWindow window = MaintenanceWindow.parse(" 01:30-05:00 ");

        assertThat(window.start()).isEqualTo(LocalTime.of(1, 30));
        assertThat(window.end()).isEqualTo(LocalTime.of(5, 0));
        assertThat(window).hasToString("01:30-05:00");
    }

    @Test
    void rejectsTextThatIsNotTwoTimesOfDay()
    {
        assertThatThrownBy(() -> MaintenanceWindow.parse("1:00-5:00"))
                .isInstanceOf(AdvisorException.class)
                .hasMessage("maintenance window '1:00-5:00': expected HH:MM-HH:MM on a 24-hour clock, such as 01:00-05:00");
        assertThatThrownBy(() -> MaintenanceWindow.parse("01:00 to 05:00"))
                .hasMessageContaining("expected HH:MM-HH:MM");
        assertThatThrownBy(() -> MaintenanceWindow.parse("22:00-24:00"))
                .hasMessage("maintenance window '22:00-24:00': 24:00 is not a time of day (hours 00 to 23, minutes 00 to 59)");
        assertThatThrownBy(() -> MaintenanceWindow.parse("01:60-05:00"))
                .hasMessageContaining("01:60 is not a time of day");
    }

    @Test
    void rejectsAWindowWithNoLength()
    {
        assertThatThrownBy(() -> MaintenanceWindow.parse("03:00-03:00"))
                .isInstanceOf(AdvisorException.class)
                .hasMessageContaining("03:00-03:00 has no length");
    }

    @Test
    void containsItsStartButNotItsEnd()
    {
        MaintenanceWindow window = MaintenanceWindow.parse("01:00-05:00");

        assertThat(window.contains(Instant.parse("2024-03-01T01:00:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(window.contains(Instant.parse("2024-03-01T04:59:59Z"), ZoneOffset.UTC)).isTrue();
        assertThat(window.contains(Instant.parse("2024-03-01T05:00:00Z"), ZoneOffset.UTC)).isFalse();
        assertThat(window.contains(Instant.parse("2024-03-01T00:59:59Z"), ZoneOffset.UTC)).isFalse();
        assertThat(window.contains(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC)).isFalse();
    }

    @Test
    void windowThatWrapsMidnightHoldsBothSides()
    {
        MaintenanceWindow window = MaintenanceWindow.parse("22:00-02:00");

        assertThat(window.contains(Instant.parse("2024-03-01T23:30:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(window.contains(Instant.parse("2024-03-01T00:00:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(window.contains(Instant.parse("2024-03-01T01:59:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(window.contains(Instant.parse("2024-03-01T02:00:00Z"), ZoneOffset.UTC)).isFalse();
        assertThat(window.contains(Instant.parse("2024-03-01T12:00:00Z"), ZoneOffset.UTC)).isFalse();
        assertThat(window.contains(Instant.parse("2024-03-01T21:59:00Z"), ZoneOffset.UTC)).isFalse();
    }

    @Test
    void readsTheInstantInTheZonesWallClockTime()
    {
        MaintenanceWindow window = MaintenanceWindow.parse("01:00-05:00");
        Instant twoInTheMorningInBerlin = Instant.parse("2024-01-15T01:00:00Z");

        assertThat(window.contains(twoInTheMorningInBerlin, ZoneId.of("Europe/Berlin"))).isTrue();
        assertThat(window.contains(twoInTheMorningInBerlin, ZoneId.of("America/New_York"))).isFalse();
    }
}
