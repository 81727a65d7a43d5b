/**
 * Bearer tokens and roles: the tokens file, constant-time lookup, and the role matrix
 * ({@link dev.weft.server.api.auth.Role#allows}).
 */
package dev.weft.server.api.auth;
