"""Accounts: passwords and their rules, sessions, two-factor sign-in and lockout."""
