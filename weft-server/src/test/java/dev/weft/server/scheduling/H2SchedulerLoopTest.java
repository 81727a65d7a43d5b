package dev.weft.server.scheduling;

import dev.weft.server.runtime.TestDb;

class H2SchedulerLoopTest extends SchedulerLoopContract {
  @Override
  TestDb target() {
    return TestDb.H2;
  }
}
