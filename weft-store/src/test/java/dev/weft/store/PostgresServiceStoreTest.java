package dev.weft.store;

class PostgresServiceStoreTest extends ServiceStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
