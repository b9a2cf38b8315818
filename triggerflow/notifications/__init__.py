"""E-mail to the people who must act next: written to the outbox with the change, sent after commit."""
