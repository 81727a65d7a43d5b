/**
 * Secrets for {@code $secrets}: where their values come from ({@link dev.weft.server.secrets.SecretSource})
 * and how they are kept out of everything the runtime persists ({@link dev.weft.server.secrets.SecretMask}).
 */
package dev.weft.server.secrets;
