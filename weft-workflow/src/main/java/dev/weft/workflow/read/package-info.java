/**
 * Reading and validating DSL 1.0.x documents: YAML or JSON text in, a validated JSON tree out,
 * or every problem of the document at once, each named by a JSON pointer.
 */
package dev.weft.workflow.read;
