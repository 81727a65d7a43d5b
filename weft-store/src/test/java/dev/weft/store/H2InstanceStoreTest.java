package dev.weft.store;

class H2InstanceStoreTest extends InstanceStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
