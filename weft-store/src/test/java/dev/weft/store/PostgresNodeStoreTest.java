package dev.weft.store;

class PostgresNodeStoreTest extends NodeStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
