"""Edit ▸ Preferences: the writer's settings, each applied as it changes."""
