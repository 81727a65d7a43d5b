package dev.weft.store;

class H2TriggerEventsTest extends TriggerEventsContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
