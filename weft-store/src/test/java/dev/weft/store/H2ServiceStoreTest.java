package dev.weft.store;

class H2ServiceStoreTest extends ServiceStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
