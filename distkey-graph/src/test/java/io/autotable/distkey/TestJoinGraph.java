package io.autotable.distkey;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestJoinGraph
{
    @Test
    void mergesTheSameJoinSeenTwiceAndKeepsParallelJoinsApart()
    {
        JoinGraph graph = TestingJoinGraphs.parallelEdges();

        assertThat(graph.graph().getAllEdges("a", "b")).hasSize(2);
        assertThat(graph.edges()).extracting(JoinEdge::weight).containsExactly(5.0, 7.0, 3.0);
        assertThat(graph.totalWeight()).isEqualTo(15);
        assertThat(graph.candidateColumns("a")).containsExactly("x", "y");
        assertThat(graph.graph().getEdgeWeight(graph.edges().get(1))).isEqualTo(7);
    }

    @Test
    void dropsSelfJoins()
    {
        JoinGraph graph = TestingJoinGraphs.selfJoin();

        assertThat(graph.edges()).hasSize(1);
        assertThat(graph.candidateColumns("a")).containsExactly("x");
    }

    @Test
    void storesEdgesWithTheSmallerTableFirst()
    {
        JoinEdge edge = JoinEdge.of("orders", "o_custkey", "customer", "c_custkey", 1);

        assertThat(edge.tableA()).isEqualTo("customer");
        assertThat(edge.pairs()).containsExactly(new JoinEdge.ColumnPair("c_custkey", "o_custkey"));
        assertThat(edge.isColocatedBy(Optional.of("c_custkey"), Optional.of("o_custkey"))).isTrue();
        assertThat(edge.isColocatedBy(Optional.of("c_custkey"), Optional.empty())).isFalse();
    }

    @Test
    void compositeJoinIsColocatedByAnyOneOfItsPairs()
    {
        JoinGraph graph = TestingJoinGraphs.compositeKeys();

        assertThat(graph.colocatedWeight(Map.of("a", Optional.of("x"), "b", Optional.of("x")))).isEqualTo(10);
        assertThat(graph.colocatedWeight(Map.of("a", Optional.of("y"), "b", Optional.of("y")))).isEqualTo(10);
        assertThat(graph.colocatedWeight(Map.of("a", Optional.of("x"), "b", Optional.of("y")))).isZero();
    }

    @Test
    void isImmutable()
    {
        JoinGraph graph = TestingJoinGraphs.star();

        assertThatThrownBy(() -> graph.graph().addVertex("other")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> graph.edges().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsNegativeWeights()
    {
        assertThatThrownBy(() -> JoinEdge.of("a", "x", "b", "x", -1)).isInstanceOf(DistKeyException.class).hasMessageContaining("weight");
        assertThatThrownBy(() -> new JoinEdge("a", "b", List.of(), 1, List.of())).hasMessageContaining("no column pairs");
    }
}
