/** The services resource under {@code /api/v1/services}: register, replace (a new version), read and list services. */
package dev.weft.server.api.services;
