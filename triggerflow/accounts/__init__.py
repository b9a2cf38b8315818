"""Accounts: password hashing and the users who sign in."""
