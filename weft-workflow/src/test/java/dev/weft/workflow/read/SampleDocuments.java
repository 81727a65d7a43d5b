package dev.weft.workflow.read;

/** Valid documents that tests (here and in weft-cli, through the test jar) start from. */
public final class SampleDocuments {
  private SampleDocuments() {}

  /** Uses most task kinds: set, for/while, switch, wait, try/catch/retry, call, fork, emit, raise. */
  public static final String STEPS = """
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
}
