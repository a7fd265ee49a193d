"""The Qt front end. Widgets call the core through the session and workers, never SQL or crypto."""
