package dev.weft.server.scheduling;

import dev.weft.server.runtime.TestDb;

class PostgresSchedulerLoopTest extends SchedulerLoopContract {
  @Override
  TestDb target() {
    return TestDb.POSTGRES;
  }
}
