/** The Cucumber glue: the CTK's Given/When/Then steps, carried out with a {@link dev.weft.cli.conformance.WorkflowRunner}. */
package dev.weft.cli.conformance.steps;
