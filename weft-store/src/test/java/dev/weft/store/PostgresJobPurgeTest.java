package dev.weft.store;

class PostgresJobPurgeTest extends JobPurgeContract {
  @Override
  TestDatabase target() {
    return TestDatabase.POSTGRES;
  }
}
