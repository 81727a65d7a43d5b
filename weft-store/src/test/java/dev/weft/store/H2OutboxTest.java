package dev.weft.store;

class H2OutboxTest extends OutboxContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
