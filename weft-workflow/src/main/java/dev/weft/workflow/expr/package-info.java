/** jq runtime expressions of the DSL: compiling (for the validator) and evaluating (for the decider). */
package dev.weft.workflow.expr;
