package dev.obsidian.persistence;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.util.DefaultClassResolver;

/**
 * Kryo that requires registration, resolves unregistered JDK collections, actor refs and enum constant bodies to
 * their registered family, and names the missing registrar entry when a class is not registered.
 */
final class ObsidianKryo extends Kryo {
  ObsidianKryo() {
    super(new FamilyClassResolver(), null);
    setRegistrationRequired(true);
    setReferences(false);
    // Records nest a few levels deep; anything near this is a cycle or corrupt data.
    setMaxDepth(64);
  }

  @Override
  @SuppressWarnings("rawtypes") // Kryo's signature
  protected String unregisteredClassMessage(Class type) {
    return "type " + type.getName() + " is not registered for Obsidian serialization: give it a fixed id in a "
        + "TypeRegistrar named in obsidian.serialization.registrars";
  }

  private static final class FamilyClassResolver extends DefaultClassResolver {
    @Override
    @SuppressWarnings("rawtypes") // Kryo's signature
    public Registration getRegistration(Class type) {
      Registration exact = super.getRegistration(type);
      if (exact != null) {
        return exact;
      }
      Class<?> family = PlatformTypes.familyOf(type);
      return family == null ? null : super.getRegistration(family);
    }
  }
}
