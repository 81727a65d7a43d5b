package dev.weft.store;

class H2DefinitionStoreTest extends DefinitionStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
