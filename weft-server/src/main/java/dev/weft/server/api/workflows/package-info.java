/**
 * Workflow definitions and instances over HTTP: {@code /api/v1/workflows} and
 * {@code /api/v1/instances}. Instances run through the {@link
 * dev.weft.server.api.workflows.WorkflowEngine} port, whatever engine backs it.
 */
package dev.weft.server.api.workflows;
