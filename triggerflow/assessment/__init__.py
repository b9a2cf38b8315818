"""The ROCTA's side of a form besides its state: return items and their answers."""
