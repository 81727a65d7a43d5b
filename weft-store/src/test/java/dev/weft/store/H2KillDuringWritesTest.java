package dev.weft.store;

class H2KillDuringWritesTest extends KillDuringWritesContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
