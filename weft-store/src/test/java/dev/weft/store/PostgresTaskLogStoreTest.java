package dev.weft.store;

class PostgresTaskLogStoreTest extends TaskLogStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
