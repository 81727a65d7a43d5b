package dev.weft.store;

class PostgresServiceSlotsTest extends ServiceSlotsContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
