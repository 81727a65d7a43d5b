package dev.weft.store;

class H2TaskLogStoreTest extends TaskLogStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
