"""Use on another computer: setting up and joining, rounds by themselves, two versions."""
