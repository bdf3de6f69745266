package dev.obsidian.persistence;

/** Fixed ids of the test aggregate's types; named in the test application.conf. */
public final class CounterTypes implements TypeRegistrar {
  static final int INCREMENT = 100;
  static final int GET_STATE = 101;
  static final int INCREMENTED = 102;
  static final int STATE = 103;

  @Override
  public void registerTypes(TypeRegistry.Builder types) {
    types.register(INCREMENT, Counter.Increment.class, 1)
        .register(GET_STATE, Counter.GetState.class, 1)
        .register(INCREMENTED, Counter.Incremented.class, 2)
        .register(STATE, Counter.State.class, 2);
  }
}
