package dev.obsidian.persistence;

/**
 * Marker for everything Pekko must serialize for Obsidian: commands, events, snapshots (state) and replies
 * that may cross the network. {@code reference.conf} binds this interface to {@link KryoSerializer}; every
 * implementing class must also be registered with a fixed id in a {@link TypeRegistrar}, or serialization
 * fails with an error naming the class.
 */
public interface ObsidianSerializable {}
