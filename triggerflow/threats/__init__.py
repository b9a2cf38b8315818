"""The regional threat register after acceptance (DESIGN section 9)."""
