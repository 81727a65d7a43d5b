package dev.weft.store;

class PostgresDefinitionStoreTest extends DefinitionStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
