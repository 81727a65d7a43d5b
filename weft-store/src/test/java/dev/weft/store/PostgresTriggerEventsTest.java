package dev.weft.store;

class PostgresTriggerEventsTest extends TriggerEventsContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
