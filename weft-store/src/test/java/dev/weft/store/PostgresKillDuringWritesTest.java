package dev.weft.store;

class PostgresKillDuringWritesTest extends KillDuringWritesContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
