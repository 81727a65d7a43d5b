package dev.weft.store;

class PostgresOutboxTest extends OutboxContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
