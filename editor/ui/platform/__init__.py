"""What depends on the platform and the Qt binding: the binding's bug defences,
the preview engine's environment, and fontconfig's early start."""
