package dev.weft.store;

class PostgresGroupCommitterTest extends GroupCommitterContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
