package dev.weft.store;

class PostgresRetainedEventsTest extends RetainedEventsContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
