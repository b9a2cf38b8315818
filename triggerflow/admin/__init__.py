"""What administrators change: users, forces and the criteria thresholds. Every change is audited."""
