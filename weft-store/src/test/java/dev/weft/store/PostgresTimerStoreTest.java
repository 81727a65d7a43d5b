package dev.weft.store;

class PostgresTimerStoreTest extends TimerStoreContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
