package dev.weft.store;

class PostgresCommandTaskStoreTest extends CommandTaskStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
