package dev.weft.store;

class H2CommandTaskStoreTest extends CommandTaskStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
