"""Running the service: backing the database up and restoring it."""
