package dev.weft.store;

class H2RetainedEventsTest extends RetainedEventsContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
