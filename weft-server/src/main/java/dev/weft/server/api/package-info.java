/**
 * The REST API framework of {@code weft server}: routes registered per resource
 * ({@link dev.weft.server.api.ApiResource}), bearer-token access checks per route
 * ({@link dev.weft.server.api.Access}), strict JSON bodies, RFC 7807 problem details for every
 * error, and the OpenAPI document generated from the registered routes.
 */
package dev.weft.server.api;
