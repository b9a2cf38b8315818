"""The read side: scoped look-ups, queues and lists. SELECTs only."""
