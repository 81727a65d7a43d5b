package dev.weft.store;

class PostgresWorkerCallStoreTest extends WorkerCallStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
