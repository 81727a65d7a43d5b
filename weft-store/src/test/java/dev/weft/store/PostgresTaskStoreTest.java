package dev.weft.store;

class PostgresTaskStoreTest extends TaskStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
