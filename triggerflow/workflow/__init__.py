"""The form's lifecycle: states, the transitions table, and the one service that moves forms."""
