/**
 * The client commands of {@code weft}: {@code apply}, {@code instance}, {@code job}, {@code task},
 * {@code nodes}, {@code queues}. They talk to a {@code weft server} over HTTP ({@link ApiClient},
 * {@code java.net.http}); {@link ServerConnection} holds {@code --server}, {@code --token} and
 * {@code --ca-cert} (also used by {@code weft worker}), {@link ClientOptions} those and {@code -o};
 * {@link Output} prints answers as JSON, YAML or a table.
 */
package dev.weft.cli.client;
