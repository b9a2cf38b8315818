"""Working days, due dates and the two clocks (DESIGN section 6)."""
