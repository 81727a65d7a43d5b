package dev.weft.store;

class H2ServiceRatesTest extends ServiceRatesContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
