package dev.weft.store;

class H2WorkerCallStoreTest extends WorkerCallStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
