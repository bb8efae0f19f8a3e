"""Models of this pillar arrive with its issue; the app is installed so migrations stay linear."""
