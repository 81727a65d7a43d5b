package dev.weft.store;

class PostgresSchedulingStateTest extends SchedulingStateContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
