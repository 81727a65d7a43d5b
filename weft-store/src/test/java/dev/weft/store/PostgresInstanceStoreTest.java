package dev.weft.store;

class PostgresInstanceStoreTest extends InstanceStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
