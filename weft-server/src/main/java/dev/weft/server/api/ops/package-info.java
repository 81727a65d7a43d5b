/** Operating the server: {@code /healthz} and {@code /metrics} (Prometheus, via Micrometer). */
package dev.weft.server.api.ops;
