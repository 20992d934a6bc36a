package com.podcastinsights.port;

import com.podcastinsights.fakes.InMemoryTable;

/** The fake most unit tests use keeps the table's contract, so what they prove holds for DynamoDB and the file table. */
class InMemoryTableContractTest extends TableContract {
    @Override
    protected Table newTable() {
        return new InMemoryTable();
    }
}
