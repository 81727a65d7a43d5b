package dev.weft.store;

class PostgresEventStoreTest extends EventStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
