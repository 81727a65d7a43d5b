package dev.weft.store;

class H2EventStoreTest extends EventStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
