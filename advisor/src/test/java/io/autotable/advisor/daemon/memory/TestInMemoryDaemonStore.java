package io.autotable.advisor.daemon.memory;

import io.autotable.advisor.daemon.AbstractTestDaemonStore;
import io.autotable.advisor.daemon.DaemonStore;

class TestInMemoryDaemonStore
        extends AbstractTestDaemonStore
{
    @Override
    protected DaemonStore createStore()
    {
        return new InMemoryDaemonStore();
    }
}
