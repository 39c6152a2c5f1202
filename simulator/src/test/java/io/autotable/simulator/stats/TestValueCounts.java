package io.autotable.simulator.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TestValueCounts
{
    @Test
    void countsLikeALinkedHashMap()
    {
        SplittableRandom random = new SplittableRandom(3);
        ValueCounts counts = new ValueCounts();
        Map<Object, Long> expected = new LinkedHashMap<>();
        for (int i = 0; i < 200_000; i++) {
            Object key = random.nextBoolean() ? (Object) (long) random.nextInt(50_000) : "s" + random.nextInt(1_000);
            counts.add(key);
            expected.merge(key, 1L, Long::sum);
        }
        List<Map.Entry<Object, Long>> actual = new ArrayList<>();
        for (int index = 0; index < counts.size(); index++) {
            actual.add(Map.entry(counts.key(index), counts.count(index)));
        }
        assertThat(actual).containsExactlyElementsOf(expected.entrySet());
    }
}
