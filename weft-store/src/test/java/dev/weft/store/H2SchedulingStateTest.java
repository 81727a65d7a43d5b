package dev.weft.store;

class H2SchedulingStateTest extends SchedulingStateContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
