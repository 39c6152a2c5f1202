package io.autotable.simulator.layout;

/**
 * A stable merge sort of an {@code int[]} of row numbers by a primitive comparator: no boxing, one
 * scratch buffer. O(n log n) comparisons.
 */
final class IndexSort
{
    @FunctionalInterface
    interface RowComparator
    {
        int compare(int left, int right);
    }

    private static final int INSERTION_SORT_SIZE = 24;

    private IndexSort() {}

    static void sort(int[] rows, RowComparator comparator)
    {
        int[] scratch = rows.clone();
        mergeSort(scratch, rows, 0, rows.length, comparator);
    }

    // sorts source[from, to) into target[from, to); both hold the same values on entry
    private static void mergeSort(int[] source, int[] target, int from, int to, RowComparator comparator)
    {
        int length = to - from;
        if (length <= INSERTION_SORT_SIZE) {
            for (int i = from + 1; i < to; i++) {
                int row = target[i];
                int j = i - 1;
                while (j >= from && comparator.compare(target[j], row) > 0) {
                    target[j + 1] = target[j];
                    j--;
                }
                target[j + 1] = row;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(target, source, from, middle, comparator);
        mergeSort(target, source, middle, to, comparator);
        if (comparator.compare(source[middle - 1], source[middle]) <= 0) {
            System.arraycopy(source, from, target, from, length);
            return;
        }
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || (left < middle && comparator.compare(source[left], source[right]) <= 0)) {
                target[i] = source[left++];
            }
            else {
                target[i] = source[right++];
            }
        }
    }
}
