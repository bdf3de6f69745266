package dev.obsidian.persistence;

/**
 * Lists a module's serializable types with their fixed registration ids. Implementations need a public no-arg
 * constructor and are named in {@code obsidian.serialization.registrars}.
 *
 * <p>Ids are part of the journal format: never change or reuse one. When a type is deleted, keep its id with
 * {@link TypeRegistry.Builder#retire(int, String)}.
 */
public interface TypeRegistrar {
  void registerTypes(TypeRegistry.Builder types);
}
