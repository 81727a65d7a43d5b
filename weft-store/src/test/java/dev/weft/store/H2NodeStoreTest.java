package dev.weft.store;

class H2NodeStoreTest extends NodeStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
