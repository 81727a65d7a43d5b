package dev.weft.store;

class H2GroupCommitterTest extends GroupCommitterContract {
  @Override
  TestDatabase target() {
    return TestDatabase.H2;
  }
}
