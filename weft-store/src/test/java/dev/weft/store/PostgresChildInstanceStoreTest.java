package dev.weft.store;

class PostgresChildInstanceStoreTest extends ChildInstanceStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
