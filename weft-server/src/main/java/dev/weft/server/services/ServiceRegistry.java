package dev.weft.server.services;

import dev.weft.store.ServiceRecord;
import dev.weft.store.ServiceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * The services a workflow can call: those stored (a call by name uses the latest version, a call
 * of {@code NAME:VERSION@default} that version) and the builtins (a stored service of the same
 * name wins a call by name). Stored documents are read once per version.
 */
public final class ServiceRegistry {
  private final ServiceStore store;
  private final Map<String, ServiceDefinition> read = new ConcurrentHashMap<>();

  public ServiceRegistry(ServiceStore store) {
    this.store = store;
  }

  /** A registry of the builtins alone (no store: nothing can be registered). */
  public static ServiceRegistry builtinsOnly() {
    return new ServiceRegistry(null);
  }

  /**
   * Checks and stores a document (the same document again keeps its record).
   *
   * @throws InvalidServiceException naming every problem
   * @throws dev.weft.store.ConflictException when that version is stored with another document
   */
  public ServiceRecord define(String text, Instant now) {
    ServiceDefinition s = ServiceReader.read(text);
    if (store == null) {
      throw new IllegalStateException("this registry has no store: services cannot be registered");
    }
    return store.store(s.name(), s.version(), s.document().toString(), now);
  }

  /** The latest stored version of {@code name}, else the builtin of that name. */
  public Optional<ServiceDefinition> latest(String name) {
    Optional<ServiceRecord> stored = store == null ? Optional.empty() : store.latest(name);
    return stored.isPresent() ? Optional.of(of(stored.get())) : BuiltinServices.find(name);
  }

  /** One version of {@code name}: a stored one, or {@code builtin} for the builtin of that name. */
  public Optional<ServiceDefinition> version(String name, String version) {
    return byKey(name + "@" + version);
  }

  /** The versions of {@code name} a call can name, oldest first (a builtin's is {@code builtin}). */
  public List<String> versions(String name) {
    List<String> out = new ArrayList<>();
    BuiltinServices.find(name).ifPresent(b -> out.add(b.version()));
    if (store != null) {
      store.versions(name).forEach(r -> out.add(r.version()));
    }
    return out;
  }

  /** A version named by {@link ServiceDefinition#key()} ({@code name@version}). */
  public Optional<ServiceDefinition> byKey(String key) {
    int at = key.lastIndexOf('@');
    String name = key.substring(0, at);
    String version = key.substring(at + 1);
    Optional<ServiceDefinition> builtin = BuiltinServices.find(name).filter(b -> b.version().equals(version));
    if (builtin.isPresent()) {
      return builtin;
    }
    return store == null ? Optional.empty() : store.find(name, version).map(this::of);
  }

  private ServiceDefinition of(ServiceRecord r) {
    return read.computeIfAbsent(r.name() + "@" + r.version(), k -> ServiceReader.read(r.body()));
  }
}
