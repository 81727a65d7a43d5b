package dev.weft.store;

class H2TaskStoreTest extends TaskStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
