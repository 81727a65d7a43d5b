package dev.weft.store;

class H2JobPurgeTest extends JobPurgeContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
