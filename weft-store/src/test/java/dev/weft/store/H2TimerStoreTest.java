package dev.weft.store;

class H2TimerStoreTest extends TimerStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
