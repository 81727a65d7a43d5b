package dev.weft.store;

class H2ChildInstanceStoreTest extends ChildInstanceStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
