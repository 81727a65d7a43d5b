package dev.weft.cli.mutants;

import java.util.List;

/** Valid workflow documents the mutants start from; between them they use every task kind. */
final class BaseDocuments {
  private BaseDocuments() {}

  static final String STEPS = """
      document: { dsl: '1.0.0', namespace: test, name: steps, version: '0.1.0' }
      do:
        - init:
            set: { n: 0, xs: [1, 2] }
        - loop:
            for: { each: x, in: '${ .xs }' }
            while: '${ .n < 10 }'
            do:
              - add:
                  set: { n: '${ .n + $x }' }
        - branch:
            switch:
              - big: { when: '.n > 2', then: guarded }
              - other: { then: pause }
        - pause:
            wait: PT1S
        - guarded:
            try:
              - sq:
                  call: square
                  with: { x: '${ .n }' }
            catch:
              errors: { with: { status: 503 } }
              retry: { delay: PT1S, backoff: { exponential: {} }, limit: { attempt: { count: 3 } } }
        - both:
            fork:
              branches:
                - get:
                    call: http
                    with: { method: get, endpoint: 'http://localhost/x' }
                - tell:
                    emit: { event: { with: { source: 'https://weft.dev', type: t } } }
        - fail:
            if: '${ .n > 100 }'
            raise: { error: { type: 'https://example.com/e', status: 500 } }
      """;

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
