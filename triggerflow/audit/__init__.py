"""Accountability: security events as JSON lines, and the tamper-evident form event chain."""
