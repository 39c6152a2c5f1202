package io.autotable.workload;

/** Whether a statement the warehouse ran finished or failed. */
public enum EventStatus
{
    SUCCEEDED,
    FAILED
}
