package dev.weft.store;

class PostgresServiceRatesTest extends ServiceRatesContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
