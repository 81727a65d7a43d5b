package dev.weft.store;

class H2ServiceSlotsTest extends ServiceSlotsContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
