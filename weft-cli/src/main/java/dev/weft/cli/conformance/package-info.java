/**
 * {@code weft conformance}: runs the Serverless Workflow CTK's Gherkin features with Cucumber
 * against the durable runtime, with loopback stand-ins for the services the CTK calls
 * (petstore.swagger.io, httpbin.org) and the host redirects that reach them.
 */
package dev.weft.cli.conformance;
