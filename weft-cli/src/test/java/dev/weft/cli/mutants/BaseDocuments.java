package dev.weft.cli.mutants;

import dev.weft.workflow.read.SampleDocuments;
import java.util.List;

/** Valid workflow documents the mutants start from; between them they use every task kind. */
final class BaseDocuments {
  private BaseDocuments() {}

  static final String STEPS = SampleDocuments.STEPS;


  /** A legal loop: the switch leaves it once the counter is big enough. */
  static final String LOOP = """
      document: { dsl: '1.0.0', namespace: test, name: loop, version: '1.0.0' }
      timeout: { after: PT1M }
      use:
        secrets: [apiKey]
        errors:
          tooBig: { type: 'https://example.com/too-big', status: 400 }
        retries:
          twice: { delay: { seconds: 1 }, limit: { attempt: { count: 2 } } }
        timeouts:
          short: { after: PT10S }
      do:
        - start:
            set: { i: 0, key: '${ $secrets.apiKey }' }
        - step:
            set: { i: '${ .i + 1 }', key: '${ .key }' }
        - check:
            switch:
              - done: { when: '${ .i >= 3 }', then: finish }
              - again: { then: step }
        - finish:
            try:
              - call:
                  call: square
                  with: { x: '${ .i }' }
                  timeout: short
            catch:
              retry: twice
        - guard:
            if: '${ . > 1000 }'
            raise: { error: tooBig }
      """;

  static final String RUNS = """
      document: { dsl: '1.0.0', namespace: test, name: runs, version: '2.0.0' }
      schedule: { cron: '0 * * * *' }
      do:
        - sh:
            run: { shell: { command: 'echo hi' } }
            output: { as: '${ { out: . } }' }
        - child:
            run: { workflow: { namespace: test, name: child, version: '1.0.0', input: { y: 1 } } }
        - hear:
            listen: { to: { one: { with: { type: ping } } } }
            timeout: { after: { minutes: 5 } }
        - done:
            set: '${ { ok: true } }'
            then: end
      """;

  static List<String> all() {
    return List.of(STEPS, LOOP, RUNS);
  }
}
